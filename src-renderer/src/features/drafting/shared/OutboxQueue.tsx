import { Alert, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useEffect } from 'react';
import { call } from '../../../lib/ipc';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useAction } from '../../../lib/use-action';
import { useCall } from '../../../lib/use-call';
import { taskLabel } from './task-labels';

const WAITING = new Set(['queued', 'running']);

/** Tasks waiting in the outbox for a provider to answer again; hidden when nothing waits. */
export function OutboxQueue() {
  const outbox = useCall('outbox:list', {});
  const { reload } = outbox;
  useEffect(() => {
    const id = window.setInterval(reload, 15_000);
    return () => window.clearInterval(id);
  }, [reload]);
  const cancel = useAction(async (id: string) => {
    const result = await call('outbox:cancel', { id });
    if (result.cancelled) notifySuccess('Task cancelled');
    reload();
  });
  useEffect(() => {
    if (cancel.error) notifyError('The task was not cancelled', new Error(cancel.error));
  }, [cancel.error]);

  const waiting = (outbox.data ?? []).filter((item) => WAITING.has(item.status));
  if (waiting.length === 0) return null;
  return (
    <Alert color="yellow" title={`Waiting for a provider (${waiting.length})`}>
      <Stack gap="xs">
        <Text size="sm">These tasks run as soon as an AI provider answers again.</Text>
        <Table aria-label="Queued tasks" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
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
                  <Badge variant="light" color={item.status === 'running' ? 'blue' : 'gray'}>
                    {item.status}
                  </Badge>{' '}
                  <Text span size="xs" c="dimmed">
                    {item.attempts} tries
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
