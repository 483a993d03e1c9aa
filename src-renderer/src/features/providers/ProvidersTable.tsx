import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { ProviderConfigDto, ProviderHealthDto } from '@contract';
import { EditIcon, TrashIcon } from '../../components/icons';
import { formatAge } from '../../lib/format';
import { BudgetUsage } from './BudgetUsage';
import { keyAgeDays, KEY_ROTATION_DAYS } from './key-age';
import { TASK_LABELS } from './kinds';
import { ProviderKindBadge } from './ProviderKindBadge';
import { ProviderStatusBadges } from './ProviderStatusBadges';

function KeyCell({ config, now }: { config: ProviderConfigDto; now: number }) {
  if (!config.keyHint)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const age = keyAgeDays(config, now);
  return (
    <Stack gap={0}>
      <Text ff="monospace" size="sm">
        …{config.keyHint}
      </Text>
      {config.keySetAt !== null && (
        <Text
          size="xs"
          c={age !== null && age > KEY_ROTATION_DAYS ? 'orange' : 'dimmed'}
          style={{ whiteSpace: 'nowrap' }}
        >
          set {formatAge(config.keySetAt, now)}
        </Text>
      )}
    </Stack>
  );
}

export interface ProviderRowActions {
  onTest: (config: ProviderConfigDto) => void;
  onEdit: (config: ProviderConfigDto) => void;
  onDelete: (config: ProviderConfigDto) => void;
  testing: string | null;
}

/** Provider configs with type, status, key hint, tasks and budget use. */
export function ProvidersTable({
  configs,
  health,
  now,
  actions,
}: {
  configs: ProviderConfigDto[];
  health: ProviderHealthDto[];
  now: number;
  actions: ProviderRowActions;
}) {
  return (
    <Table.ScrollContainer minWidth={940}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Providers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Provider</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Tasks</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Use and limits</Table.Th>
            <Table.Th>
              <Text span size="sm" fw={700}>
                Actions
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {configs.map((config) => {
            const h = health.find((x) => x.name === config.name);
            return (
              <Table.Tr key={config.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {config.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {config.model}
                    </Text>
                    <Text size="xs" c="dimmed">
                      priority {config.priority}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ProviderKindBadge kind={config.kind} />
                </Table.Td>
                <Table.Td>
                  <ProviderStatusBadges config={config} health={h} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {config.tasks.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        by name only
                      </Text>
                    ) : (
                      config.tasks.map((t) => (
                        <Badge key={t} variant="outline" color="gray" size="sm" tt="none">
                          {TASK_LABELS[t]}
                        </Badge>
                      ))
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <KeyCell config={config} now={now} />
                </Table.Td>
                <Table.Td>
                  <BudgetUsage config={config} health={h} />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      loading={actions.testing === config.name}
                      onClick={() => actions.onTest(config)}
                      aria-label={`Test credentials of ${config.name}`}
                    >
                      Test
                    </Button>
                    <Tooltip label="Edit" withArrow>
                      <ActionIcon
                        variant="default"
                        onClick={() => actions.onEdit(config)}
                        aria-label={`Edit ${config.name}`}
                      >
                        <EditIcon size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete" withArrow>
                      <ActionIcon
                        variant="default"
                        color="red"
                        onClick={() => actions.onDelete(config)}
                        aria-label={`Delete ${config.name}`}
                      >
                        <TrashIcon size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
