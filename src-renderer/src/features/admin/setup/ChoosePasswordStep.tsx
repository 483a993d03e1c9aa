import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAction } from '../../../lib/use-action';
import {
  NewPasswordFields,
  validateConfirmation,
  validateNewPassword,
  type NewPasswordValues,
} from '../password/NewPasswordFields';
import { useAdminSession } from '../session/admin-session-context';

/**
 * Step 1: the admin password (`admin:setup` starts the enrolment; the account exists only after step 4).
 * `restart` replaces an unfinished setup.
 */
export function ChoosePasswordStep({ onDone, restart = false }: { onDone: () => void; restart?: boolean }) {
  const { beginSetup } = useAdminSession();
  const form = useForm<NewPasswordValues>({
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: { newPassword: validateNewPassword, confirmPassword: validateConfirmation },
    // The server's refusal describes the password it was given: it goes once the password is edited.
    onValuesChange: (values, previous) => {
      if (values.newPassword !== previous.newPassword) setup.clearError();
    },
  });
  const setup = useAction(async (password: string) => {
    await beginSetup(password, { restart });
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit((v) => void setup.run(v.newPassword))} noValidate>
      <Stack maw={480} mt="md">
        {setup.error && (
          <Alert color="red" title="The password was not accepted" role="alert">
            {setup.error}
          </Alert>
        )}
        <NewPasswordFields form={form} autoFocus />
        <Group>
          <Button type="submit" loading={setup.running}>
            {restart ? 'Start the setup over' : 'Create admin account'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
