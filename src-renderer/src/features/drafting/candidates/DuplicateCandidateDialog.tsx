import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { DuplicateMatch } from '@contract';
import { formatDateTime } from '../../../lib/format';

export type DuplicateChoice = 'open' | 'new' | 'replace' | 'skip';

const REASON_TEXT = {
  same_file: 'the same file (identical text)',
  same_person: 'the same person (name and email)',
} as const;

/** An import found the file or the person already stored: open that candidate, import a second one, or replace it. */
export function DuplicateCandidateDialog({
  fileName,
  duplicate,
  onChoose,
}: {
  fileName: string;
  duplicate: DuplicateMatch;
  onChoose: (choice: DuplicateChoice) => void;
}) {
  const why = duplicate.reasons.map((r) => REASON_TEXT[r]).join(' and ');
  return (
    <Modal opened onClose={() => onChoose('skip')} title="Candidate already stored" centered>
      <Stack gap="md">
        <Text size="sm">
          <b>{fileName}</b> is {why} as a stored candidate:
        </Text>
        <Stack gap={2} aria-label="Stored candidate">
          <Text fw={600}>{duplicate.name}</Text>
          <Text size="sm" c="dimmed">
            {[
              duplicate.email,
              duplicate.sourceFileName && `from ${duplicate.sourceFileName}`,
              `imported ${formatDateTime(duplicate.createdAt)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Text size="sm">
          Replace puts this file’s record and source in place of the stored one; its documents and versions stay.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onChoose('new')}>
            Import as new
          </Button>
          <Button variant="light" color="orange" onClick={() => onChoose('replace')}>
            Replace existing
          </Button>
          <Button onClick={() => onChoose('open')} data-autofocus>
            Open existing
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
