import { Badge, List, Stack, Text } from '@mantine/core';
import type { AttemptDto } from '@contract';
import { formatMs } from '../../../lib/format';
import { reasonText } from './attempt-reasons';

const OUTCOME = {
  ok: { label: 'answered', color: 'teal' },
  error: { label: 'failed', color: 'red' },
  skipped: { label: 'skipped', color: 'gray' },
} as const;

/** The router's trail: which providers were skipped or failed (and why) before one answered. */
export function AttemptsTrail({ attempts, title = 'Failover trail' }: { attempts: AttemptDto[]; title?: string }) {
  return (
    <Stack gap={4} aria-label={title} role="group">
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <List spacing={4} size="sm" listStyleType="decimal" withPadding>
        {attempts.map((a, i) => {
          const outcome = OUTCOME[a.outcome];
          return (
            <List.Item key={i}>
              <Text span size="sm" fw={500}>
                {a.providerName}
              </Text>{' '}
              <Text span size="xs" c="dimmed">
                ({a.model})
              </Text>{' '}
              <Badge size="xs" variant="light" color={outcome.color}>
                {outcome.label}
              </Badge>
              {a.outcome !== 'ok' && (
                <Text span size="sm">
                  {' '}
                  — {reasonText(a.reason)}
                  {a.attempt !== undefined && ` (attempt ${a.attempt})`}
                </Text>
              )}
              {a.outcome === 'ok' && a.latencyMs !== undefined && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  in {formatMs(a.latencyMs)}
                </Text>
              )}
              {a.message && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {a.message}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
