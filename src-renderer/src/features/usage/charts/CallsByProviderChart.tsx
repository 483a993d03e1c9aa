import { BarChart } from '@mantine/charts';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatPercent } from '../../../lib/format';
import { ChartCard } from '../ChartCard';

/** Calls and error rate per provider (`provider`): calls on the left axis, error rate (%) on the right. */
export function CallsByProviderChart({ rows }: { rows: StatsRowDto[] }) {
  const data = rows.map((r) => ({ provider: r.key, calls: r.calls, errorRate: Math.round(r.errorRate * 1000) / 10 }));
  const worst = [...rows].sort((a, b) => b.errorRate - a.errorRate)[0];
  return (
    <ChartCard
      title="Calls and error rate by provider"
      summary={worst ? `Highest error rate: ${worst.key} at ${formatPercent(worst.errorRate)}` : undefined}
    >
      <BarChart
        h={240}
        data={data}
        dataKey="provider"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        withRightYAxis
        rightYAxisProps={{ unit: '%', domain: [0, 100], width: 56 }}
        yAxisProps={{ width: 48, allowDecimals: false }}
        series={[
          { name: 'calls', label: 'Calls', color: 'indigo.6' },
          { name: 'errorRate', label: 'Error rate (%)', color: 'red.6', yAxisId: 'right' },
        ]}
        maxBarWidth={48}
      />
    </ChartCard>
  );
}
