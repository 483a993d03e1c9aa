import { Button, Group, Stack } from '@mantine/core';
import type { Enrolment } from '@contract';
import { AuthenticatorEnrolment } from '../enrolment/AuthenticatorEnrolment';

/** Step 2: add Aditus to an authenticator app. */
export function AuthenticatorStep({ enrolment, onNext }: { enrolment: Enrolment; onNext: () => void }) {
  return (
    <Stack mt="md">
      <AuthenticatorEnrolment enrolment={enrolment} />
      <Group>
        <Button onClick={onNext}>I added it to my authenticator</Button>
      </Group>
    </Stack>
  );
}
