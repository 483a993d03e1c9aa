import { memo } from 'react';
import { BarChart, XAxis, YAxis } from 'recharts';
import type { StatsRowDto } from '@contract';
import { formatUsd } from '../../../lib/format';
import { categoryInterval, MAX_USER_LABELS, valueTicks } from '../chart-axes';
import { BOTTOM_AXIS, chartGrid, LEFT_AXIS, seriesTooltip, type ChartSeries } from '../chart-parts';
import { seriesBars } from '../chart-shapes';
import { CartesianChartCard } from '../CartesianChartCard';

const SERIES: ChartSeries[] = [{ name: 'cost', label: 'Cost', color: 'grape.6' }];

const TITLE = 'Cost per user';

/** Cost per user (`user`), highest first, as bars lying down. */
export const CostPerUserChart = memo(function CostPerUserChart({ rows }: { rows: StatsRowDto[] | null }) {
  const data = rows && [...rows].sort((a, b) => b.costUsd - a.costUsd).map((r) => ({ user: r.key, cost: r.costUsd }));
  return (
    <CartesianChartCard
      title={TITLE}
      summary={rows ? `${rows.length} ${rows.length === 1 ? 'user' : 'users'}` : undefined}
      legend={false}
      plot={
        data &&
        ((width, height) => (
          <BarChart
            width={width}
            height={height}
            data={data}
            layout="vertical"
            maxBarSize={32}
            margin={{ top: 5, right: 24, bottom: 5, left: 5 }}
          >
            <XAxis
              type="number"
              {...BOTTOM_AXIS}
              {...valueTicks(Math.max(0, ...data.map((d) => d.cost)))}
              tickFormatter={formatUsd}
            />
            <YAxis
              type="category"
              dataKey="user"
              {...LEFT_AXIS}
              tickLine={false}
              width={110}
              interval={categoryInterval(data.length, MAX_USER_LABELS)}
            />
            {chartGrid(true)}
            {seriesTooltip(SERIES, formatUsd)}
            {seriesBars(SERIES)}
          </BarChart>
        ))
      }
    />
  );
});
