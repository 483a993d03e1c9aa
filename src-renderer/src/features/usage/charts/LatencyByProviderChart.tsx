import { BarChart } from '@mantine/charts';
import { memo } from 'react';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatMs } from '../../../lib/format';
import { categoryInterval, MAX_PROVIDER_LABELS, VALUE_TICKS } from '../chart-axes';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { LEGEND_HEIGHT, SeriesLegend } from '../SeriesLegend';

const SERIES = [
  { name: 'p50', label: 'p50', color: 'teal.6' },
  { name: 'p95', label: 'p95', color: 'orange.6' },
];

const TITLE = 'Latency by provider';

/** Median and 95th-percentile latency per provider (from the rollups' latency histograms). */
export const LatencyByProviderChart = memo(function LatencyByProviderChart({ rows }: { rows: StatsRowDto[] | null }) {
  if (!rows) return <ChartCard title={TITLE} />;
  const data = rows.map((r) => ({ provider: r.key, p50: r.latencyP50Ms ?? 0, p95: r.latencyP95Ms ?? 0 }));
  return (
    <ChartCard title={TITLE} summary="p50 = typical call, p95 = slowest 1 in 20">
      <BarChart
        h={CHART_HEIGHT - LEGEND_HEIGHT}
        data={data}
        dataKey="provider"
        valueFormatter={(v) => formatMs(v)}
        xAxisProps={{ interval: categoryInterval(data.length, MAX_PROVIDER_LABELS) }}
        yAxisProps={{ width: 72, ...VALUE_TICKS }}
        series={SERIES}
        maxBarWidth={48}
      />
      <SeriesLegend series={SERIES} />
    </ChartCard>
  );
});
