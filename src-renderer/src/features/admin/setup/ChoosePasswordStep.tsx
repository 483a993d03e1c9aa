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

/** Step 1: the admin password (`admin:setup` creates the account and enrols TOTP). */
export function ChoosePasswordStep({ onDone }: { onDone: () => void }) {
  const { beginSetup } = useAdminSession();
  const form = useForm<NewPasswordValues>({
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: { newPassword: validateNewPassword, confirmPassword: validateConfirmation },
  });
  const setup = useAction(async (password: string) => {
    await beginSetup(password);
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
            Create admin account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
