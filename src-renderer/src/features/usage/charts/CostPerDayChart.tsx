import { BarChart } from '@mantine/charts';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatUsd } from '../../../lib/format';
import { ChartCard } from '../ChartCard';
import type { DateRange } from '../date-range';
import { pivotByDay } from '../series';

/** Cost per day, stacked by provider (`provider_day`). */
export function CostPerDayChart({ rows, range }: { rows: StatsRowDto[]; range: DateRange }) {
  const { data, series } = pivotByDay(rows, range, (r) => r.costUsd);
  const total = rows.reduce((s, r) => s + r.costUsd, 0);
  return (
    <ChartCard title="Cost per day by provider" summary={`${formatUsd(total)} over ${data.length} days`}>
      <BarChart
        h={240}
        data={data}
        dataKey="day"
        xAxisProps={{ minTickGap: 24 }}
        series={series}
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        valueFormatter={formatUsd}
        yAxisProps={{ width: 72 }}
        tickLine="y"
      />
    </ChartCard>
  );
}
