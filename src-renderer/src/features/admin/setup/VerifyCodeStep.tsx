import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAction } from '../../../lib/use-action';
import { useAdminSession } from '../session/admin-session-context';

/** Step 4: the first code from the new authenticator proves it works, creates the account and unlocks it. */
export function VerifyCodeStep({ onBack }: { onBack: () => void }) {
  const { finishSetup } = useAdminSession();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v: string) => (/^\d{6}$/u.test(v.trim()) ? null : 'Enter the 6 digits your app shows') },
  });
  const verify = useAction((code: string) => finishSetup(code));
  return (
    <form onSubmit={form.onSubmit((v) => void verify.run(v.code.trim()))} noValidate>
      <Stack maw={420} mt="md">
        <Text size="sm">
          Enter the 6-digit code your authenticator app shows for Aditus now. The admin account is created only once
          this code is confirmed: until then you can come back to this setup with your password.
        </Text>
        {verify.error && (
          <Alert color="red" title="That code did not work" role="alert">
            {verify.error}
          </Alert>
        )}
        <TextInput
          label="Authenticator code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          data-autofocus
          {...form.getInputProps('code')}
        />
        <Group>
          <Button variant="default" onClick={onBack}>
            Back
          </Button>
          <Button type="submit" loading={verify.running}>
            Finish and unlock
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
