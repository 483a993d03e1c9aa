import { Modal, ScrollArea } from '@mantine/core';
import adminGuide from '../../../../docs/admin-guide.md?raw';
import { MarkdownText } from '../../components/MarkdownText';

/** The admin guide (docs/admin-guide.md, bundled at build time) inside the app. */
export function HelpModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Admin guide" size="xl" scrollAreaComponent={ScrollArea.Autosize}>
      <MarkdownText source={adminGuide} />
    </Modal>
  );
}
