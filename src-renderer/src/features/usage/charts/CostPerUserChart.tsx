import { BarChart } from '@mantine/charts';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatUsd } from '../../../lib/format';
import { ChartCard } from '../ChartCard';

/** Cost per user (`user`), highest first. */
export function CostPerUserChart({ rows }: { rows: StatsRowDto[] }) {
  const data = [...rows].sort((a, b) => b.costUsd - a.costUsd).map((r) => ({ user: r.key, cost: r.costUsd }));
  return (
    <ChartCard title="Cost per user" summary={`${rows.length} ${rows.length === 1 ? 'user' : 'users'}`}>
      <BarChart
        h={240}
        data={data}
        dataKey="user"
        orientation="vertical"
        valueFormatter={formatUsd}
        yAxisProps={{ width: 110 }}
        series={[{ name: 'cost', label: 'Cost', color: 'grape.6' }]}
        maxBarWidth={32}
      />
    </ChartCard>
  );
}
