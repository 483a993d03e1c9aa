import { memo } from 'react';
import { BarChart } from 'recharts';
import type { StatsRowDto } from '@contract';
import { formatMs } from '../../../lib/format';
import { PROVIDER_AXIS, seriesTooltip, uprightAxes, type ChartSeries } from '../chart-parts';
import { seriesBars } from '../chart-shapes';
import { CartesianChartCard } from '../CartesianChartCard';

const SERIES: ChartSeries[] = [
  { name: 'p50', label: 'p50', color: 'teal.6' },
  { name: 'p95', label: 'p95', color: 'orange.6' },
];

const TITLE = 'Latency by provider';

/** Median and 95th-percentile latency per provider (from the rollups' latency histograms). */
export const LatencyByProviderChart = memo(function LatencyByProviderChart({ rows }: { rows: StatsRowDto[] | null }) {
  const data = rows ? rows.map((r) => ({ provider: r.key, p50: r.latencyP50Ms ?? 0, p95: r.latencyP95Ms ?? 0 })) : null;
  return (
    <CartesianChartCard
      title={TITLE}
      summary={data ? 'p50 = typical call, p95 = slowest 1 in 20' : undefined}
      legend={SERIES}
      plot={
        data &&
        ((width, height) => (
          <BarChart width={width} height={height} data={data} maxBarSize={48}>
            {uprightAxes(PROVIDER_AXIS, data.length, {
              top: Math.max(0, ...data.map((d) => Math.max(d.p50, d.p95))),
              width: 72,
              format: formatMs,
            })}
            {seriesTooltip(SERIES, formatMs)}
            {seriesBars(SERIES)}
          </BarChart>
        ))
      }
    />
  );
});
