import { Alert, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useEffect } from 'react';
import type { QueueSettledEvent } from '@contract';
import { call, on } from '../../../lib/ipc';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifyInfo, notifySuccess } from '../../../lib/notify';
import { useAction } from '../../../lib/use-action';
import { useCall } from '../../../lib/use-call';
import { onQueueChanged } from './queue-events';
import { taskLabel } from './task-labels';

const WAITING = new Set(['queued', 'running']);

/**
 * Drafting tasks waiting in the outbox (every provider offline, or a limit that queues until it resets);
 * hidden when nothing waits. `onSettled` lets the page reload what a landed result changed.
 */
export function OutboxQueue({ onSettled }: { onSettled?: (event: QueueSettledEvent) => void }) {
  const outbox = useCall('outbox:list', {});
  const { reload } = outbox;
  useEffect(() => {
    const id = window.setInterval(reload, 15_000);
    const stopChanged = onQueueChanged(reload);
    return () => {
      window.clearInterval(id);
      stopChanged();
    };
  }, [reload]);
  useEffect(
    () =>
      on('queue:settled', (event) => {
        reload();
        onSettled?.(event);
      }),
    [reload, onSettled],
  );
  const cancel = useAction(async (id: string) => {
    const result = await call('outbox:cancel', { id });
    if (result.cancelled) notifySuccess('Task cancelled');
    reload();
  });
  const runNow = useAction(async () => {
    const { done } = await call('outbox:run', {});
    if (done === 0)
      notifyInfo('Still queued', 'No queued task could run yet: no provider answered, or its budget has not reset.');
    reload();
  });
  useEffect(() => {
    if (cancel.error) notifyError('The task was not cancelled', new Error(cancel.error));
  }, [cancel.error]);
  useEffect(() => {
    if (runNow.error) notifyError('The queued tasks did not run', new Error(runNow.error));
  }, [runNow.error]);

  const waiting = (outbox.data ?? []).filter((item) => WAITING.has(item.status));
  if (waiting.length === 0) return null;
  return (
    <Alert color="yellow" title={`Queued (${waiting.length})`} data-testid="queue-panel">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            These tasks run when a provider answers again or its budget resets (checked every 30 seconds); each result
            lands where it was asked for, with a notification.
          </Text>
          <Button size="xs" variant="light" onClick={() => void runNow.run()} loading={runNow.running}>
            Try now
          </Button>
        </Group>
        <Table aria-label="Queued tasks" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>For</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Next try</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waiting.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{taskLabel(item.task)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{item.label ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={item.status === 'running' ? 'blue' : 'gray'}>
                    {item.status}
                  </Badge>{' '}
                  <Text span size="xs" c="dimmed">
                    {item.attempts} {item.attempts === 1 ? 'try' : 'tries'}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(item.nextAttemptAt)}</Table.Td>
                <Table.Td>
                  <Text size="xs">{item.lastError ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => void cancel.run(item.id)}
                      loading={cancel.running}
                      aria-label={`Cancel queued ${taskLabel(item.task)} task`}
                    >
                      Cancel
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Alert>
  );
}
