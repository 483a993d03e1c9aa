import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { JobDuplicateMatch } from '@contract';
import { formatDateTime } from '../../../lib/format';

/** A posting with the same text (or image) is stored: open it (false), add a second one (true), or neither (null). */
export function DuplicatePostingDialog({
  label,
  duplicate,
  onChoose,
}: {
  label: string;
  duplicate: JobDuplicateMatch;
  onChoose: (addAsNew: boolean | null) => void;
}) {
  return (
    <Modal opened onClose={() => onChoose(null)} title="Posting already stored" centered>
      <Stack gap="md">
        <Text size="sm">
          <b>{label}</b> has the same text as a stored posting:
        </Text>
        <Stack gap={2}>
          <Text fw={600}>{[duplicate.title ?? 'Untitled posting', duplicate.company].filter(Boolean).join(' — ')}</Text>
          <Text size="sm" c="dimmed">
            {[
              duplicate.sourceFileName && `from ${duplicate.sourceFileName}`,
              `added ${formatDateTime(duplicate.createdAt)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onChoose(true)}>
            Add as new
          </Button>
          <Button onClick={() => onChoose(false)} data-autofocus>
            Open existing
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
