import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatDateTime } from '../../../lib/format';
import { useAction } from '../../../lib/use-action';
import { useAdminSession } from './admin-session-context';

interface UnlockValues {
  password: string;
  code: string;
}

/** Password + a 6-digit TOTP code or a recovery code → `admin:unlock`. */
export function UnlockForm() {
  const session = useAdminSession();
  const form = useForm<UnlockValues>({
    initialValues: { password: '', code: '' },
    validate: {
      password: (v) => (v.length === 0 ? 'Enter the admin password' : null),
      code: (v) =>
        /^\d{6}$/u.test(v.trim()) || v.trim().length >= 8 ? null : 'Enter the 6-digit code or a recovery code',
    },
  });
  const unlock = useAction((v: UnlockValues) => session.unlock(v.password, v.code.trim()));
  const lockedUntil = session.status?.lockedUntil ?? null;

  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        await unlock.run(values);
        form.setFieldValue('code', '');
      })}
      noValidate
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Provider keys, budgets, prices, the audit log and settings need the admin password and a code from your
          authenticator app. A recovery code works instead of the code, once.
        </Text>
        {/* One alert: while unlock is paused the pause says it all (the refusal would repeat it). */}
        {lockedUntil !== null ? (
          <Alert color="orange" title="Unlock is paused" role="alert">
            Too many failed attempts: try again after {formatDateTime(lockedUntil)}.
          </Alert>
        ) : (
          unlock.error && (
            <Alert color="red" title="Could not unlock" role="alert">
              {unlock.error}
            </Alert>
          )
        )}
        <PasswordInput
          label="Admin password"
          autoComplete="current-password"
          data-autofocus
          {...form.getInputProps('password')}
        />
        <TextInput
          label="Authenticator code or recovery code"
          description="6 digits from your authenticator app, or one of your recovery codes"
          autoComplete="one-time-code"
          inputMode="text"
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={unlock.running}>
          Unlock
        </Button>
      </Stack>
    </form>
  );
}
