import { Card, EmptyState } from '@mantine/core';
import { ChartIcon } from '../../components/icons';

/** No calls in the range: say how to get some. */
export function UsageEmptyState() {
  return (
    <Card withBorder padding="xl">
      <EmptyState
        icon={<ChartIcon size={28} />}
        withIndicatorBackground
        title="No AI usage in this period"
        description="Add a provider in Admin → Providers, or draft offline with the built-in drafter (offline drafts cost nothing and are not counted here)."
      />
    </Card>
  );
}
