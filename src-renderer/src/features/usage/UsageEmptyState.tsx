import { Button, Card, EmptyState } from '@mantine/core';
import { ChartIcon } from '../../components/icons';
import type { DateRange, RangePreset } from './date-range';

/** The widest preset: an empty range can be widened to it. */
export const WIDEST_PRESET = '90' satisfies RangePreset;

const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric' });

/**
 * No calls in the range. With AI providers set up, the range is what is empty: say so and offer a wider one
 * (`onWiden`, absent when the range is as wide as the presets go); without any, say how to add one.
 */
export function UsageEmptyState({
  hasProviders,
  range,
  onWiden,
}: {
  hasProviders: boolean;
  range: DateRange;
  onWiden: (() => void) | null;
}) {
  const days = `${dayMonthYear.format(range.from)} to ${dayMonthYear.format(range.to - 1)}`;
  return (
    <Card withBorder padding="xl">
      <EmptyState
        icon={<ChartIcon size={28} />}
        withIndicatorBackground
        title="No AI usage in this period"
        description={
          hasProviders
            ? `No AI calls were made from ${days}. Offline (built-in) drafts are free and not counted here.`
            : 'Add a provider in Admin → Providers, or draft offline with the built-in drafter (offline drafts cost nothing and are not counted here).'
        }
      >
        {hasProviders && onWiden && (
          <EmptyState.Actions>
            <Button variant="light" onClick={onWiden}>
              Show the last {WIDEST_PRESET} days
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Card>
  );
}
