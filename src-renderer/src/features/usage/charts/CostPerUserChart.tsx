import { BarChart } from '@mantine/charts';
import { memo } from 'react';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatUsd } from '../../../lib/format';
import { categoryInterval, MAX_USER_LABELS } from '../chart-axes';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';

const TITLE = 'Cost per user';

/** Cost per user (`user`), highest first. */
export const CostPerUserChart = memo(function CostPerUserChart({ rows }: { rows: StatsRowDto[] | null }) {
  if (!rows) return <ChartCard title={TITLE} />;
  const data = [...rows].sort((a, b) => b.costUsd - a.costUsd).map((r) => ({ user: r.key, cost: r.costUsd }));
  return (
    <ChartCard title={TITLE} summary={`${rows.length} ${rows.length === 1 ? 'user' : 'users'}`}>
      <BarChart
        h={CHART_HEIGHT}
        data={data}
        dataKey="user"
        orientation="vertical"
        valueFormatter={formatUsd}
        yAxisProps={{ width: 110, interval: categoryInterval(data.length, MAX_USER_LABELS) }}
        series={[{ name: 'cost', label: 'Cost', color: 'grape.6' }]}
        maxBarWidth={32}
      />
    </ChartCard>
  );
});
