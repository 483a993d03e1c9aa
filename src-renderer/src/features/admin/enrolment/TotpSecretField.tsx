import { TextInput } from '@mantine/core';
import { CopyTextButton } from '../../../components/CopyTextButton';

/** The TOTP secret as text, for authenticator apps where the QR code cannot be scanned. */
export function TotpSecretField({ secret }: { secret: string }) {
  const grouped = secret.replace(/(.{4})/gu, '$1 ').trim();
  return (
    <TextInput
      label="Secret key for manual entry"
      description="Time-based, 6 digits, 30 seconds"
      value={grouped}
      readOnly
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
      rightSection={<CopyTextButton value={secret} label="Copy secret key" />}
      onFocus={(e) => e.currentTarget.select()}
    />
  );
}
