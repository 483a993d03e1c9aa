import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatDateTime } from '../../../lib/format';
import { useAction } from '../../../lib/use-action';
import { useAdminSession } from '../session/admin-session-context';

/**
 * Step 1 when a setup was started and not finished (a reload, a closed window): its password shows the same
 * authenticator secret and recovery codes again; "Start over" discards it (no account exists yet).
 */
export function ResumeSetupStep({
  startedAt,
  onResumed,
  onStartOver,
}: {
  startedAt: number;
  onResumed: () => void;
  onStartOver: () => void;
}) {
  const { resumeSetup } = useAdminSession();
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v: string) => (v ? null : 'Enter the password you chose for this setup') },
  });
  const resume = useAction(async (password: string) => {
    await resumeSetup(password);
    onResumed();
  });
  return (
    <form onSubmit={form.onSubmit((v) => void resume.run(v.password))} noValidate aria-label="Continue the setup">
      <Stack maw={480} mt="md">
        <Alert color="blue" title="The setup is not finished">
          A setup was started {formatDateTime(startedAt)} but no code from its authenticator was confirmed, so no admin
          account exists yet. Enter the password you chose to continue where you left off, or start over.
        </Alert>
        {resume.error && (
          <Alert color="red" title="Could not continue" role="alert">
            {resume.error}
          </Alert>
        )}
        <PasswordInput
          label="The password you chose"
          autoComplete="current-password"
          data-autofocus
          {...form.getInputProps('password')}
        />
        <Group>
          <Button type="submit" loading={resume.running}>
            Continue the setup
          </Button>
          <Button variant="default" onClick={onStartOver}>
            Start over
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Starting over makes new codes: remove the old Aditus entry from your authenticator app afterwards.
        </Text>
      </Stack>
    </form>
  );
}
