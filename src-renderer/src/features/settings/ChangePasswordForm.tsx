import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import {
  NewPasswordFields,
  validateConfirmation,
  validateNewPassword,
  type NewPasswordValues,
} from '../admin/password/NewPasswordFields';
import { SettingsCard } from './SettingsCard';

interface ChangePasswordValues extends NewPasswordValues {
  currentPassword: string;
}

/** `admin:change-password`. */
export function ChangePasswordForm() {
  const form = useForm<ChangePasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter the current password'),
      newPassword: validateNewPassword,
      confirmPassword: validateConfirmation,
    },
    // A "too weak" refusal describes the password it was given: it goes once the new password is edited.
    onValuesChange: (values, previous) => {
      if (values.newPassword !== previous.newPassword) change.clearError();
    },
  });
  const change = useAction(async (v: ChangePasswordValues) => {
    await call('admin:change-password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
    notifySuccess('Admin password changed');
    form.reset();
  });
  return (
    <SettingsCard
      title="Admin password"
      description="Change the password used with the authenticator code to unlock admin."
    >
      <form onSubmit={form.onSubmit((v) => void change.run(v))} noValidate aria-label="Change admin password">
        <Stack maw={440} gap="sm">
          {change.error && (
            <Alert color="red" title="Password not changed" role="alert">
              {change.error}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <NewPasswordFields form={form} />
          <Group>
            <Button type="submit" loading={change.running}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
