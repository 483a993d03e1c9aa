import '@mantine/charts/styles.css';
import './usage-charts.css';
import { SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import type { DashboardDto } from '@contract';
import { CallsByProviderChart } from './charts/CallsByProviderChart';
import { CostPerDayChart } from './charts/CostPerDayChart';
import { CostPerUserChart } from './charts/CostPerUserChart';
import { LatencyByProviderChart } from './charts/LatencyByProviderChart';
import { PeakHoursChart } from './charts/PeakHoursChart';
import { TaskDistributionChart } from './charts/TaskDistributionChart';
import { TokensPerDayChart } from './charts/TokensPerDayChart';

export interface UsageChartsProps {
  /** The range's groupings, or null while they load (every chart shows a placeholder of its size). */
  data: DashboardDto | null;
}

/** The Usage page's seven charts (each a placeholder of its size until `data` is there). */
export function UsageCharts({ data }: UsageChartsProps) {
  // The days of the answer drawn, not of a range picked since and still loading: axes and data agree.
  const range = useMemo(() => data && { from: data.from, to: data.to }, [data]);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <CostPerDayChart rows={data?.byProviderDay ?? null} range={range} />
      <TokensPerDayChart rows={data?.byDay ?? null} range={range} />
      <CallsByProviderChart rows={data?.byProvider ?? null} />
      <LatencyByProviderChart rows={data?.byProvider ?? null} />
      <TaskDistributionChart rows={data?.byTask ?? null} />
      <PeakHoursChart rows={data?.byHourOfDay ?? null} />
      <CostPerUserChart rows={data?.byUser ?? null} />
    </SimpleGrid>
  );
}
