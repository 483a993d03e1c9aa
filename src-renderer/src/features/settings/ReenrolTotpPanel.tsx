import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Enrolment } from '@contract';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { AuthenticatorEnrolment } from '../admin/enrolment/AuthenticatorEnrolment';
import { RecoveryCodesPanel } from '../admin/enrolment/RecoveryCodesPanel';
import { useAdminSession } from '../admin/session/admin-session-context';
import { SettingsCard } from './SettingsCard';

/**
 * `admin:reenrol-totp` then `admin:reenrol-totp-confirm`: a new authenticator secret and new recovery codes,
 * which replace the old ones only once a code from the new entry is confirmed.
 */
export function ReenrolTotpPanel() {
  const { status } = useAdminSession();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const reenrol = useAction(async () => {
    setEnrolment(await call('admin:reenrol-totp', { password }));
    setPassword('');
  });
  const confirm = useAction(async () => {
    await call('admin:reenrol-totp-confirm', { code: code.trim() });
    setEnrolment(null);
    setCode('');
    notifySuccess(
      'Authenticator re-enrolled',
      'The old authenticator entry and the old recovery codes no longer work.',
    );
  });
  const left = status?.recoveryCodesLeft ?? null;
  return (
    <SettingsCard
      title="Authenticator and recovery codes"
      description="Re-enrol when the phone with the authenticator is lost or replaced, or the recovery codes were used up or exposed. The old authenticator entry and the old recovery codes keep working until a code from the new entry is confirmed."
    >
      {left !== null && (
        <Text size="sm" mb="sm" data-testid="recovery-codes-left">
          Recovery codes left: {left} of 10
        </Text>
      )}
      {enrolment ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) void confirm.run();
          }}
          aria-label="Confirm the new authenticator"
        >
          <Stack>
            <Alert color="yellow" title="Not switched yet">
              Scan the new QR code and save the new recovery codes (they are shown only now), then enter a code from the
              new entry to switch. Until then your current authenticator and recovery codes keep working.
            </Alert>
            <AuthenticatorEnrolment enrolment={enrolment} />
            <RecoveryCodesPanel codes={enrolment.recoveryCodes} />
            {confirm.error && (
              <Alert color="red" title="Not switched" role="alert">
                {confirm.error}
              </Alert>
            )}
            <TextInput
              label="Code from the new authenticator entry"
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              maw={320}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" color="orange" loading={confirm.running} disabled={!code.trim()}>
                Confirm and switch
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setEnrolment(null);
                  setCode('');
                  confirm.clearError();
                }}
              >
                Cancel (keep the current authenticator)
              </Button>
            </Group>
          </Stack>
        </form>
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
