import { memo } from 'react';
import type { StatsRowDto } from '@contract';
import { formatMs } from '../../../lib/format';
import { categoryInterval, MAX_PROVIDER_LABELS } from '../chart-axes';
import type { ChartSeries } from '../chart-parts';
import { CartesianChartCard } from '../CartesianChartCard';
import { SvgBarChart } from '../SvgBarChart';
import { valueAxis } from '../svg-chart-parts';

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
          <SvgBarChart
            width={width}
            height={height}
            data={data}
            category="provider"
            labelEvery={categoryInterval(data.length, MAX_PROVIDER_LABELS) + 1}
            series={SERIES}
            values={valueAxis(Math.max(0, ...data.map((d) => Math.max(d.p50, d.p95))), 72, formatMs)}
            maxBarSize={48}
            format={formatMs}
            label={TITLE}
          />
        ))
      }
    />
  );
});
