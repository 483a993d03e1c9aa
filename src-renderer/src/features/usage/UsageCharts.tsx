import '@mantine/charts/styles.css';
import { SimpleGrid } from '@mantine/core';
import type { StatsRowDto } from '../../../../src-preload/contract';
import { CallsByProviderChart } from './charts/CallsByProviderChart';
import { CostPerDayChart } from './charts/CostPerDayChart';
import { CostPerUserChart } from './charts/CostPerUserChart';
import { LatencyByProviderChart } from './charts/LatencyByProviderChart';
import { PeakHoursChart } from './charts/PeakHoursChart';
import { TaskDistributionChart } from './charts/TaskDistributionChart';
import { TokensPerDayChart } from './charts/TokensPerDayChart';
import type { DateRange } from './date-range';

/** Each grouping's rows, or null while it loads (its charts show a placeholder of the same size). */
export interface UsageChartsProps {
  range: DateRange;
  byProviderDay: StatsRowDto[] | null;
  byDay: StatsRowDto[] | null;
  byProvider: StatsRowDto[] | null;
  byTask: StatsRowDto[] | null;
  byHourOfDay: StatsRowDto[] | null;
  byUser: StatsRowDto[] | null;
}

/** The Usage page's seven charts: a chunk of their own with the charting library, loaded with the page. */
export function UsageCharts(p: UsageChartsProps) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <CostPerDayChart rows={p.byProviderDay} range={p.range} />
      <TokensPerDayChart rows={p.byDay} range={p.range} />
      <CallsByProviderChart rows={p.byProvider} />
      <LatencyByProviderChart rows={p.byProvider} />
      <TaskDistributionChart rows={p.byTask} />
      <PeakHoursChart rows={p.byHourOfDay} />
      <CostPerUserChart rows={p.byUser} />
    </SimpleGrid>
  );
}
