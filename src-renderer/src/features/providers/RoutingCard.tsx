import { Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { ROUTING_STRATEGIES, type RouteCandidate, type RoutingStrategy, type RoutingTaskDto } from '@contract';
import { STRATEGY_TEXT } from '@shared/route-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { TaskPolicySelect } from './TaskPolicySelect';

const strategyLabel = (s: RoutingStrategy): string => {
  const text = STRATEGY_TEXT[s] ?? s;
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const TASK_LABELS: Record<RoutingTaskDto['task'], string> = {
  extraction: 'Extraction',
  cv_draft: 'CV draft',
  cover_letter: 'Cover letter',
  validation: 'Validation',
};

function candidateText(c: RouteCandidate, strategy: RoutingStrategy): string {
  if (strategy === 'priority') return c.providerName;
  if (c.score === null) return `${c.providerName} (${c.samples} calls: keeps its priority position)`;
  return `${c.providerName} (score ${c.score.toFixed(3)}, ${c.samples} calls)`;
}

/** Admin: each task's routing strategy, and the provider order it gives now (with scores). */
export function RoutingCard() {
  const list = useCall('routing:list', {});
  const policies = useCall('policies:list', {});
  const policyOf = (task: RoutingTaskDto['task']) =>
    policies.data?.find((p) => p.scope === 'task' && p.target === task)?.allow ?? 'any';
  const save = useAction(async (task: RoutingTaskDto['task'], strategy: RoutingStrategy) => {
    await call('routing:set', { task, strategy });
    notifySuccess('Routing saved', `${TASK_LABELS[task]}: ${strategyLabel(strategy)}`);
    list.reload();
  });
  return (
    <Card withBorder padding="lg" component="section" aria-label="Routing" bg="var(--mantine-color-body)">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h4">
            Routing
          </Title>
          <Text size="sm" c="dimmed">
            How each task orders its providers. Scores come from the last 24 hours of calls; a provider with fewer than
            20 calls keeps its priority position. Failover still goes down the rest of the order. The data policy says
            which provider regions a task may use; a candidate’s own policy can only make it stricter, and a request no
            allowed provider can serve is refused, never sent elsewhere.
          </Text>
        </Stack>
        {list.error && <ErrorAlert title="Could not load routing" message={list.error} />}
        {save.error && <ErrorAlert title="Could not save routing" message={save.error} />}
        {policies.error && <ErrorAlert title="Could not load the data policies" message={policies.error} />}
        {list.data && (
          <Table withTableBorder aria-label="Routing per task">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Task</Table.Th>
                <Table.Th>Strategy</Table.Th>
                <Table.Th>Data policy</Table.Th>
                <Table.Th>Current order</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((t) => (
                <Table.Tr key={t.task}>
                  <Table.Th scope="row">{TASK_LABELS[t.task]}</Table.Th>
                  <Table.Td>
                    <Select
                      aria-label={`Routing strategy for ${TASK_LABELS[t.task]}`}
                      data={ROUTING_STRATEGIES.map((s) => ({ value: s, label: strategyLabel(s) }))}
                      value={t.strategy}
                      allowDeselect={false}
                      disabled={save.running}
                      onChange={(value) => {
                        const chosen = ROUTING_STRATEGIES.find((s) => s === value);
                        if (chosen && chosen !== t.strategy) void save.run(t.task, chosen);
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {policies.data && (
                      <TaskPolicySelect
                        task={t.task}
                        taskLabel={TASK_LABELS[t.task]}
                        stored={policyOf(t.task)}
                        onSaved={() => {
                          policies.reload();
                          list.reload();
                        }}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t.order.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        No active provider
                      </Text>
                    ) : (
                      <Text size="sm" component="ol" m={0} pl="md">
                        {t.order.map((c) => (
                          <li key={c.configId}>{candidateText(c, t.strategy)}</li>
                        ))}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
