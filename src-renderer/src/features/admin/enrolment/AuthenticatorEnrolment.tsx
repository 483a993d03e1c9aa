import { Group, Stack, Text } from '@mantine/core';
import type { Enrolment } from '@contract';
import { QrCodeImage } from './QrCodeImage';
import { TotpSecretField } from './TotpSecretField';

/** QR code + secret for adding Aditus to an authenticator app. */
export function AuthenticatorEnrolment({ enrolment }: { enrolment: Enrolment }) {
  return (
    <Group align="flex-start" gap="xl" wrap="wrap">
      <QrCodeImage svg={enrolment.qrSvg} />
      <Stack gap="sm" style={{ flex: 1, minWidth: 260 }}>
        <Text size="sm">
          Scan the QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password,
          Bitwarden, Aegis…). If you cannot scan it, type the secret key instead.
        </Text>
        <TotpSecretField secret={enrolment.secret} />
      </Stack>
    </Group>
  );
}
