import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/** A centred dialog with its content, the last error, Cancel and one action button. */
export function ActionDialog({
  title,
  actionLabel,
  danger = false,
  disabled = false,
  busy,
  error,
  onAction,
  onClose,
  children,
}: {
  title: string;
  actionLabel: string;
  danger?: boolean;
  disabled?: boolean;
  busy: boolean;
  error: string | null;
  onAction: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack gap="md">
        {children}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={danger ? 'red' : undefined} loading={busy} disabled={disabled} onClick={onAction}>
            {actionLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
