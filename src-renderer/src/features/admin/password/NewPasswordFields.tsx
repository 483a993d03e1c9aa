import { PasswordInput, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

export interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

/** New password + confirmation with the strength meter (used by first-run setup and password change). */
export function NewPasswordFields<V extends NewPasswordValues>({
  form,
  autoFocus,
}: {
  form: UseFormReturnType<V>;
  autoFocus?: boolean;
}) {
  return (
    <Stack gap="sm">
      <PasswordInput
        label="New admin password"
        description="12 characters or more; a long passphrase is best"
        autoComplete="new-password"
        data-autofocus={autoFocus ? true : undefined}
        {...form.getInputProps('newPassword')}
      />
      <PasswordStrengthMeter password={form.values.newPassword} />
      <PasswordInput
        label="Repeat the new password"
        autoComplete="new-password"
        {...form.getInputProps('confirmPassword')}
      />
    </Stack>
  );
}

export function validateNewPassword(value: string): string | null {
  return value.length < 12 ? 'Use at least 12 characters' : null;
}

export function validateConfirmation(value: string, values: NewPasswordValues): string | null {
  return value !== values.newPassword ? 'The passwords do not match' : null;
}
