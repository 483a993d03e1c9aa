import { BarChart } from '@mantine/charts';
import { memo } from 'react';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatPercent } from '../../../lib/format';
import { categoryInterval, MAX_PROVIDER_LABELS, VALUE_TICKS } from '../chart-axes';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { LEGEND_HEIGHT, SeriesLegend } from '../SeriesLegend';

const SERIES = [
  { name: 'calls', label: 'Calls', color: 'indigo.6' },
  { name: 'errorRate', label: 'Error rate (%)', color: 'red.6', yAxisId: 'right' },
];

const TITLE = 'Calls and error rate by provider';

/** Calls and error rate per provider (`provider`): calls on the left axis, error rate (%) on the right. */
export const CallsByProviderChart = memo(function CallsByProviderChart({ rows }: { rows: StatsRowDto[] | null }) {
  if (!rows) return <ChartCard title={TITLE} />;
  const data = rows.map((r) => ({ provider: r.key, calls: r.calls, errorRate: Math.round(r.errorRate * 1000) / 10 }));
  const worst = [...rows].sort((a, b) => b.errorRate - a.errorRate)[0];
  return (
    <ChartCard
      title={TITLE}
      summary={worst ? `Highest error rate: ${worst.key} at ${formatPercent(worst.errorRate)}` : undefined}
    >
      <BarChart
        h={CHART_HEIGHT - LEGEND_HEIGHT}
        data={data}
        dataKey="provider"
        withRightYAxis
        xAxisProps={{ interval: categoryInterval(data.length, MAX_PROVIDER_LABELS) }}
        rightYAxisProps={{ unit: '%', domain: [0, 100], width: 56, ...VALUE_TICKS }}
        yAxisProps={{ width: 48, allowDecimals: false, ...VALUE_TICKS }}
        series={SERIES}
        maxBarWidth={48}
      />
      <SeriesLegend series={SERIES} />
    </ChartCard>
  );
});
