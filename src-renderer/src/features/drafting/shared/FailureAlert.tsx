import { Alert, Stack, Text } from '@mantine/core';
import { AttemptsTrail } from './AttemptsTrail';
import type { Failure } from './failure';

/** A failed step with the server's message as text and the providers tried. */
export function FailureAlert({ title, failure, onClose }: { title: string; failure: Failure; onClose: () => void }) {
  return (
    <Alert color="red" title={title} withCloseButton onClose={onClose} role="alert" closeButtonLabel="Dismiss">
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {failure.message}
        </Text>
        {failure.attempts.length > 0 && <AttemptsTrail attempts={failure.attempts} title="Providers tried" />}
      </Stack>
    </Alert>
  );
}
