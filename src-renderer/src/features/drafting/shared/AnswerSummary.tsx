import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { AnswerMeta } from '@contract';
import { TokenCounts } from '../../../components/TokenCounts';
import { formatUsd } from '../../../lib/format';
import { hasFailover, providerLabel } from './attempt-reasons';
import { AttemptsTrail } from './AttemptsTrail';

/** Who answered an AI step: provider, model, tokens and cost, the failover trail, or the offline note. */
export function AnswerSummary({
  meta,
  action,
  offlineNote,
  builtinName,
}: {
  meta: AnswerMeta;
  action: string;
  /** Replaces the server's note when the step ran offline (its default note speaks of drafts). */
  offlineNote?: string;
  /** What to call the built-in offline answer (the drafter, or the extraction rules). */
  builtinName?: string;
}) {
  const note = meta.offline && offlineNote ? offlineNote : meta.note;
  return (
    <Paper withBorder p="sm" data-testid="answer-summary" aria-label={`How this ${action} was made`} role="region">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          {meta.offline && (
            <Badge color="orange" variant="filled">
              Offline
            </Badge>
          )}
          <Text size="sm">
            {action} by <b>{providerLabel(meta.providerName, builtinName)}</b>
            {meta.model && ` · ${meta.model}`}
          </Text>
          {!meta.offline && (
            <Text size="sm" c="dimmed">
              <TokenCounts input={meta.inputTokens} output={meta.outputTokens} estimated={meta.estimated} /> ·{' '}
              {meta.costUsd === null ? 'unpriced' : formatUsd(meta.costUsd)}
            </Text>
          )}
        </Group>
        {note && (
          <Text size="sm" c="dimmed" data-testid="answer-note">
            {note}
          </Text>
        )}
        {hasFailover(meta.attempts) && <AttemptsTrail attempts={meta.attempts} />}
      </Stack>
    </Paper>
  );
}
