import { Alert } from '@mantine/core';

/** A failed load or action, with the server's message as text. */
export function ErrorAlert({ title, message, onClose }: { title: string; message: string; onClose?: () => void }) {
  return (
    <Alert color="red" title={title} withCloseButton={onClose !== undefined} onClose={onClose} role="alert">
      {message}
    </Alert>
  );
}
