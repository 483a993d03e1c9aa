import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Enrolment } from '@contract';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { AuthenticatorEnrolment } from '../admin/enrolment/AuthenticatorEnrolment';
import { RecoveryCodesPanel } from '../admin/enrolment/RecoveryCodesPanel';
import { SettingsCard } from './SettingsCard';

/** `admin:reenrol-totp`: a new authenticator secret and new recovery codes (the old ones stop working). */
export function ReenrolTotpPanel() {
  const [password, setPassword] = useState('');
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const reenrol = useAction(async () => {
    setEnrolment(await call('admin:reenrol-totp', { password }));
    setPassword('');
    notifySuccess('Authenticator re-enrolled', 'Add the new entry to your authenticator and save the new codes.');
  });
  return (
    <SettingsCard
      title="Authenticator and recovery codes"
      description="Re-enrol when the phone with the authenticator is lost or replaced, or the recovery codes were used up or exposed. The old authenticator entry and all old recovery codes stop working at once."
    >
      {enrolment ? (
        <Stack>
          <Alert color="yellow" title="Shown once">
            Scan the new QR code and save the new recovery codes now; they cannot be shown again.
          </Alert>
          <AuthenticatorEnrolment enrolment={enrolment} />
          <RecoveryCodesPanel codes={enrolment.recoveryCodes} />
          <Group>
            <Button variant="default" onClick={() => setEnrolment(null)}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (password) void reenrol.run();
          }}
          aria-label="Re-enrol authenticator"
        >
          <Stack maw={440} gap="sm">
            {reenrol.error && (
              <Alert color="red" title="Not re-enrolled" role="alert">
                {reenrol.error}
              </Alert>
            )}
            <PasswordInput
              label="Admin password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" color="orange" loading={reenrol.running} disabled={!password}>
                Re-enrol authenticator
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SettingsCard>
  );
}
