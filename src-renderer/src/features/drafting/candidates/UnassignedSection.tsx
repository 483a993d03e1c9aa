import { ActionIcon, Alert, Group, Select, Stack, Text } from '@mantine/core';
import type { UnassignedItem } from '@contract';
import { TrashIcon } from '../../../components/icons';
import type { MoveTarget } from './EntryCard';
import { describeSource } from './record-model';

/** Lines the parser could not place under an entry: shown, never attached to one, until the recruiter moves them. */
export function UnassignedSection({
  items,
  editing,
  targets,
  onMove,
  onDelete,
}: {
  items: UnassignedItem[];
  editing: boolean;
  targets: MoveTarget[];
  onMove: (index: number, to: string) => void;
  onDelete: (index: number) => void;
}) {
  if (items.length === 0) return null;
  return (
    <Alert color="yellow" title={`${items.length} line(s) not under any entry`} data-testid="unassigned-lines">
      <Stack gap={6}>
        <Text size="sm">
          These lines were under no entry Aditus could read (or under a heading it does not know). Drafts do not use
          them until you move them to the entry they belong to.
        </Text>
        {items.map((item, index) => (
          <Group key={index} gap="xs" wrap="nowrap" justify="space-between" data-testid="unassigned-line">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm">{item.text}</Text>
              <Text size="xs" c="dimmed">
                {item.section ? `Under “${item.section}”, ` : ''}
                {describeSource(item.source)}
              </Text>
            </Stack>
            {editing && (
              <Group gap={4} wrap="nowrap">
                <Select
                  aria-label={`Move unassigned line ${index + 1} to`}
                  placeholder="Move to…"
                  data={targets}
                  value={null}
                  onChange={(to) => to && onMove(index, to)}
                  w={200}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Delete unassigned line ${index + 1}`}
                  onClick={() => onDelete(index)}
                >
                  <TrashIcon />
                </ActionIcon>
              </Group>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
