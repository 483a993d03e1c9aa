import { SimpleGrid, Text } from '@mantine/core';
import type { StatsRowDto } from '@contract';
import { formatInteger, formatPercent, formatUsd, plural } from '../../lib/format';
import { StatCard } from './StatCard';

/** Calls, tokens, cost and error rate for the range, with unpriced and estimated usage counted. */
export function UsageTotals({ totals }: { totals: StatsRowDto }) {
  const tokens = totals.inputTokens + totals.outputTokens;
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md">
      <StatCard
        label="Calls"
        value={formatInteger(totals.calls)}
        note={`${plural(totals.fallbacks, 'fallback')} to another provider`}
      />
      <StatCard
        label="Tokens"
        value={formatInteger(tokens)}
        note={
          <>
            {formatInteger(totals.inputTokens)} in ({formatInteger(totals.cachedInputTokens)} cached) ·{' '}
            {formatInteger(totals.outputTokens)} out
            {totals.estimatedCalls > 0 && (
              <Text span c="orange" size="xs" fw={600} display="block">
                {plural(totals.estimatedCalls, 'call')} with estimated tokens
              </Text>
            )}
          </>
        }
      />
      <StatCard
        label="Cost"
        value={formatUsd(totals.costUsd)}
        note={
          totals.unpricedCalls > 0 ? (
            <Text span c="orange" size="xs" fw={600}>
              + {plural(totals.unpricedCalls, 'unpriced call')} not included
            </Text>
          ) : (
            'All calls priced'
          )
        }
      />
      <StatCard
        label="Error rate"
        value={formatPercent(totals.errorRate)}
        note={plural(totals.errors, 'failed attempt')}
      />
    </SimpleGrid>
  );
}
