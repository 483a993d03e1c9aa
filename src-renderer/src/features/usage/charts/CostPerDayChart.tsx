import { memo } from 'react';
import type { StatsRowDto } from '@contract';
import { formatUsd } from '../../../lib/format';
import { categoryInterval, MAX_DAY_LABELS } from '../chart-axes';
import { CartesianChartCard } from '../CartesianChartCard';
import type { DateRange } from '../date-range';
import { pivotByDay } from '../series';
import { stackTop, withStackTotal } from '../stack-total';
import { SvgBarChart } from '../SvgBarChart';
import { valueAxis } from '../svg-chart-parts';

const TITLE = 'Cost per day by provider';

function costPerDay(rows: StatsRowDto[], range: DateRange) {
  const { data, series } = pivotByDay(rows, range, (r) => r.costUsd);
  const total = rows.reduce((s, r) => s + r.costUsd, 0);
  return { data: withStackTotal(data, series), series, total };
}

/** Cost per day, stacked by provider (`provider_day`); a placeholder while `rows` is null. */
export const CostPerDayChart = memo(function CostPerDayChart({
  rows,
  range,
}: {
  rows: StatsRowDto[] | null;
  /** The days `rows` cover. */
  range: DateRange | null;
}) {
  const cost = rows && range ? costPerDay(rows, range) : null;
  return (
    <CartesianChartCard
      title={TITLE}
      summary={cost ? `${formatUsd(cost.total)} over ${cost.data.length} days` : undefined}
      legend={cost?.series ?? null}
      plot={
        cost &&
        ((width, height) => (
          <SvgBarChart
            width={width}
            height={height}
            data={cost.data}
            category="day"
            labelEvery={categoryInterval(cost.data.length, MAX_DAY_LABELS) + 1}
            series={cost.series}
            stacked
            values={valueAxis(stackTop(cost.data), 72, formatUsd)}
            format={formatUsd}
            label={TITLE}
          />
        ))
      }
    />
  );
});
