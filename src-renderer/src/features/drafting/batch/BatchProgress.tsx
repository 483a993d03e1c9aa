import { Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { BatchItemResult, BatchItemStatus } from '@contract';
import { formatUsd } from '../../../lib/format';

const STATUS: Record<BatchItemStatus, { label: string; color: string }> = {
  pending: { label: 'Waiting', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  done: { label: 'Done', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  queued: { label: 'Queued', color: 'yellow' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

const FINISHED: readonly BatchItemStatus[] = ['done', 'failed', 'queued', 'cancelled'];

function outcome(item: BatchItemResult): string {
  switch (item.status) {
    case 'done': {
      const by = item.offline
        ? 'offline drafter'
        : `${item.providerName ?? '?'}${item.costUsd === null ? ', unpriced' : `, ${formatUsd(item.costUsd)}`}`;
      return `Version ${item.version ?? '?'} saved (${by})`;
    }
    case 'queued':
      return item.queued?.message ?? 'Queued';
    case 'failed':
    case 'cancelled':
      return item.reason?.message ?? '';
    default:
      return '';
  }
}

/** The run: a progress bar, each item's status and its result or reason. */
export function BatchProgress({
  items,
  onOpen,
}: {
  items: BatchItemResult[];
  /** Opens an item's document on the Documents page. */
  onOpen: (item: BatchItemResult) => void;
}) {
  const finished = items.filter((i) => FINISHED.includes(i.status)).length;
  const count = (s: BatchItemStatus) => items.filter((i) => i.status === s).length;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" data-testid="batch-counts">
          {finished} of {items.length} finished: {count('done')} done, {count('failed')} failed, {count('queued')}{' '}
          queued, {count('cancelled')} cancelled
        </Text>
      </Group>
      <Progress value={items.length ? (finished / items.length) * 100 : 0} aria-label="Batch progress" />
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.index} data-testid="batch-item" data-status={item.status}>
              <Table.Td>{item.label}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS[item.status].color}>
                  {STATUS[item.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>{outcome(item)}</Table.Td>
              <Table.Td>
                {item.documentId && (
                  <Button size="compact-sm" variant="subtle" onClick={() => onOpen(item)}>
                    Open
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
