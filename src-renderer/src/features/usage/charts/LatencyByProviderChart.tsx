import { BarChart } from '@mantine/charts';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatMs } from '../../../lib/format';
import { ChartCard } from '../ChartCard';

/** Median and 95th-percentile latency per provider (from the rollups' latency histograms). */
export function LatencyByProviderChart({ rows }: { rows: StatsRowDto[] }) {
  const data = rows.map((r) => ({ provider: r.key, p50: r.latencyP50Ms ?? 0, p95: r.latencyP95Ms ?? 0 }));
  return (
    <ChartCard title="Latency by provider" summary="p50 = typical call, p95 = slowest 1 in 20">
      <BarChart
        h={240}
        data={data}
        dataKey="provider"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        valueFormatter={(v) => formatMs(v)}
        yAxisProps={{ width: 64 }}
        series={[
          { name: 'p50', label: 'p50', color: 'teal.6' },
          { name: 'p95', label: 'p95', color: 'orange.6' },
        ]}
        maxBarWidth={48}
      />
    </ChartCard>
  );
}
