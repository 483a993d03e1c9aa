import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import type { ProviderConfigDto, ProviderHealthDto, StatsRowDto } from '@contract';
import { formatInteger, formatMs, formatPercent } from '../../lib/format';
import { ChartCard } from './ChartCard';

const CIRCUIT: Record<ProviderHealthDto['circuit'], { label: string; color: string }> = {
  closed: { label: 'Closed (healthy)', color: 'green' },
  half_open: { label: 'Half-open (probing)', color: 'yellow' },
  open: { label: 'Open (skipped)', color: 'red' },
};

interface HealthRow {
  name: string;
  stats: StatsRowDto | undefined;
  health: ProviderHealthDto | undefined;
  configured: boolean;
}

function healthRows(configs: ProviderConfigDto[], stats: StatsRowDto[], health: ProviderHealthDto[]): HealthRow[] {
  const names = [...new Set([...configs.map((c) => c.name), ...stats.map((s) => s.key)])];
  return names.map((name) => ({
    name,
    stats: stats.find((s) => s.key === name),
    health: health.find((h) => h.name === name),
    configured: configs.some((c) => c.name === name),
  }));
}

function ErrorClasses({ classes }: { classes: Record<string, number> }) {
  const entries = Object.entries(classes).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0)
    return (
      <Text size="xs" c="dimmed">
        none
      </Text>
    );
  return (
    <Group gap={4}>
      {entries.map(([cls, n]) => (
        <Badge key={cls} color="red" variant="light" size="sm" tt="none">
          {cls} × {n}
        </Badge>
      ))}
    </Group>
  );
}

/** Success rate, error classes, latency and circuit state per provider over the range. */
export function ProviderHealthTable({
  configs,
  stats,
  health,
}: {
  configs: ProviderConfigDto[];
  stats: StatsRowDto[];
  health: ProviderHealthDto[];
}) {
  const rows = healthRows(configs, stats, health);
  return (
    <ChartCard title="Provider health" summary="Over the selected range; the circuit state is the current one">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" aria-label="Provider health">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Provider</Table.Th>
              <Table.Th ta="right">Calls</Table.Th>
              <Table.Th ta="right">Success rate</Table.Th>
              <Table.Th ta="right">
                <Tooltip label="Times this provider failed and the request went on to another provider" withArrow>
                  <span>Fallbacks</span>
                </Tooltip>
              </Table.Th>
              <Table.Th ta="right">p50 / p95</Table.Th>
              <Table.Th>Error classes</Table.Th>
              <Table.Th>Circuit</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.name}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {r.name}
                  </Text>
                  {!r.configured && (
                    <Text size="xs" c="dimmed">
                      deleted
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatInteger(r.stats?.calls ?? 0)}</Table.Td>
                <Table.Td ta="right">{r.stats?.calls ? formatPercent(1 - r.stats.errorRate) : '—'}</Table.Td>
                <Table.Td ta="right">{formatInteger(r.stats?.fallbacks ?? 0)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMs(r.stats?.latencyP50Ms ?? null)} / {formatMs(r.stats?.latencyP95Ms ?? null)}
                </Table.Td>
                <Table.Td>
                  <ErrorClasses classes={r.stats?.errorClasses ?? {}} />
                </Table.Td>
                <Table.Td>
                  {r.health ? (
                    <Badge color={CIRCUIT[r.health.circuit].color} variant="light" style={{ whiteSpace: 'nowrap' }}>
                      {CIRCUIT[r.health.circuit].label}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ChartCard>
  );
}
