import { BarChart } from '@mantine/charts';
import { memo } from 'react';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatUsd } from '../../../lib/format';
import { categoryInterval, MAX_DAY_LABELS, VALUE_TICKS } from '../chart-axes';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { LEGEND_HEIGHT, SeriesLegend } from '../SeriesLegend';
import type { DateRange } from '../date-range';
import { pivotByDay } from '../series';

const TITLE = 'Cost per day by provider';

/** Cost per day, stacked by provider (`provider_day`). */
export const CostPerDayChart = memo(function CostPerDayChart({
  rows,
  range,
}: {
  rows: StatsRowDto[] | null;
  range: DateRange;
}) {
  if (!rows) return <ChartCard title={TITLE} />;
  const { data, series } = pivotByDay(rows, range, (r) => r.costUsd);
  const total = rows.reduce((s, r) => s + r.costUsd, 0);
  return (
    <ChartCard title={TITLE} summary={`${formatUsd(total)} over ${data.length} days`}>
      <BarChart
        h={CHART_HEIGHT - LEGEND_HEIGHT}
        data={data}
        dataKey="day"
        xAxisProps={{ interval: categoryInterval(data.length, MAX_DAY_LABELS) }}
        series={series}
        type="stacked"
        valueFormatter={formatUsd}
        yAxisProps={{ width: 72, ...VALUE_TICKS }}
        tickLine="y"
      />
      <SeriesLegend series={series} />
    </ChartCard>
  );
});
