import { Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { HealthHistoryDto } from '@contract';
import { formatDateTime } from '@shared/display-format';
import { ChartCard } from '../usage/ChartCard';
import { HEALTH_COLOR, healthSegments } from './health-segments';

/** Each provider's health state (healthy, degraded, down, unknown) over the selected range, as a timeline. */
export function HealthHistoryChart({ history, now }: { history: HealthHistoryDto; now: number }) {
  const end = Math.min(history.to, now);
  const span = Math.max(1, end - history.from);
  const changes = history.providers.reduce((n, p) => n + p.changes.length, 0);
  return (
    <ChartCard
      title="Provider health over time"
      summary={`${changes} state change${changes === 1 ? '' : 's'} in the selected range (probes and live calls; see the admin guide for the rule)`}
    >
      <Stack gap="sm" aria-label="Provider health timeline">
        {history.providers.map((provider) => {
          const segments = healthSegments(provider, history.from, end);
          const last = segments.at(-1)?.state ?? provider.stateAtFrom;
          return (
            <Group key={provider.name} gap="sm" wrap="nowrap" data-testid={`health-timeline-${provider.name}`}>
              <Text size="sm" fw={500} w={140} truncate>
                {provider.name}
              </Text>
              <Badge
                w={96}
                color={HEALTH_COLOR[last]}
                variant="light"
                aria-label={`${provider.name} ${end === now ? 'now' : 'at the end of the range'} ${last}`}
              >
                {last}
              </Badge>
              <Progress.Root size="xl" style={{ flex: 1 }}>
                {segments.map((s) => (
                  <Tooltip
                    key={s.start}
                    label={`${s.state}: ${formatDateTime(s.start)} – ${formatDateTime(s.end)}`}
                    withArrow
                  >
                    <Progress.Section
                      value={((s.end - s.start) / span) * 100}
                      color={HEALTH_COLOR[s.state]}
                      aria-label={`${provider.name} ${s.state} from ${formatDateTime(s.start)} to ${formatDateTime(s.end)}`}
                      data-state={s.state}
                    />
                  </Tooltip>
                ))}
              </Progress.Root>
            </Group>
          );
        })}
        <Group gap="md">
          {(['healthy', 'degraded', 'down', 'unknown'] as const).map((state) => (
            <Group key={state} gap={4}>
              <Progress.Root size="sm" w={16}>
                <Progress.Section value={100} color={HEALTH_COLOR[state]} />
              </Progress.Root>
              <Text size="xs">{state}</Text>
            </Group>
          ))}
        </Group>
      </Stack>
    </ChartCard>
  );
}
