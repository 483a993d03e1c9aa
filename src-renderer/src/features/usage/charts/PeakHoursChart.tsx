import { memo } from 'react';
import type { StatsRowDto } from '@contract';
import { categoryInterval, MAX_HOUR_LABELS } from '../chart-axes';
import type { ChartSeries } from '../chart-parts';
import { CartesianChartCard } from '../CartesianChartCard';
import { callsByHourOfDay } from '../series';
import { stackTop, withStackTotal } from '../stack-total';
import { SvgBarChart } from '../SvgBarChart';
import { valueAxis } from '../svg-chart-parts';

/** A bar is as tall as the hour's calls: the ones that succeeded with the failed ones on top. */
const SERIES: ChartSeries[] = [
  { name: 'succeeded', label: 'Succeeded', color: 'indigo.6' },
  { name: 'errors', label: 'Errors', color: 'red.6' },
];
const TOOLTIP: ChartSeries[] = [{ name: 'calls', label: 'Calls', color: 'gray.6' }, ...SERIES];

const TITLE = 'Peak hours';

/** Calls per local hour of the day (`hour_of_day`, errors part of them), to see when the team works and when limits bite. */
export const PeakHoursChart = memo(function PeakHoursChart({ rows }: { rows: StatsRowDto[] | null }) {
  const data = rows && withStackTotal(callsByHourOfDay(rows), SERIES);
  const peak = data && [...data].sort((a, b) => b.calls - a.calls)[0];
  return (
    <CartesianChartCard
      title={TITLE}
      summary={peak && peak.calls > 0 ? `Busiest hour: ${peak.hour}:00 with ${peak.calls} calls` : undefined}
      legend={SERIES}
      plot={
        data &&
        ((width, height) => (
          <SvgBarChart
            width={width}
            height={height}
            data={data}
            category="hour"
            labelEvery={categoryInterval(data.length, MAX_HOUR_LABELS) + 1}
            series={SERIES}
            stacked
            values={valueAxis(stackTop(data), 40, undefined, true)}
            tooltipSeries={TOOLTIP}
            label={TITLE}
          />
        ))
      }
    />
  );
});
