import { memo } from 'react';
import type { StatsRowDto } from '@contract';
import { formatUsd } from '../../../lib/format';
import { categoryInterval, MAX_USER_LABELS } from '../chart-axes';
import type { ChartSeries } from '../chart-parts';
import { CartesianChartCard } from '../CartesianChartCard';
import { SvgBarChart } from '../SvgBarChart';
import { valueAxis } from '../svg-chart-parts';

const SERIES: ChartSeries[] = [{ name: 'cost', label: 'Cost', color: 'grape.6' }];

const TITLE = 'Cost per user';
const MARGINS = { top: 5, right: 24, bottom: 5, left: 5 };

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
          <SvgBarChart
            width={width}
            height={height}
            data={data}
            category="user"
            labelEvery={categoryInterval(data.length, MAX_USER_LABELS) + 1}
            series={SERIES}
            lying
            values={valueAxis(Math.max(0, ...data.map((d) => d.cost)), 0, formatUsd)}
            categoryWidth={110}
            margins={MARGINS}
            maxBarSize={32}
            format={formatUsd}
            label={TITLE}
          />
        ))
      }
    />
  );
});
