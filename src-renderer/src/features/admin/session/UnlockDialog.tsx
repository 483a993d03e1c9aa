import { Modal } from '@mantine/core';
import { UnlockForm } from './UnlockForm';

/** The admin unlock dialog (opened from the header, an admin page, or a navigation click while locked). */
export function UnlockDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Unlock admin" centered size="md">
      <UnlockForm />
    </Modal>
  );
}
