import { BarChart } from '@mantine/charts';
import { memo } from 'react';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { categoryInterval, MAX_HOUR_LABELS, VALUE_TICKS } from '../chart-axes';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { LEGEND_HEIGHT, SeriesLegend } from '../SeriesLegend';
import { callsByHourOfDay } from '../series';

const SERIES = [
  { name: 'calls', label: 'Calls', color: 'indigo.6' },
  { name: 'errors', label: 'Errors', color: 'red.6' },
];

const TITLE = 'Peak hours';

/** Calls per local hour of the day (`hour_of_day`), to see when the team works and when limits bite. */
export const PeakHoursChart = memo(function PeakHoursChart({ rows }: { rows: StatsRowDto[] | null }) {
  if (!rows) return <ChartCard title={TITLE} />;
  const data = callsByHourOfDay(rows);
  const peak = [...data].sort((a, b) => b.calls - a.calls)[0];
  return (
    <ChartCard
      title={TITLE}
      summary={peak && peak.calls > 0 ? `Busiest hour: ${peak.hour}:00 with ${peak.calls} calls` : undefined}
    >
      <BarChart
        h={CHART_HEIGHT - LEGEND_HEIGHT}
        data={data}
        dataKey="hour"
        type="stacked"
        xAxisProps={{ interval: categoryInterval(data.length, MAX_HOUR_LABELS) }}
        yAxisProps={{ width: 40, allowDecimals: false, ...VALUE_TICKS }}
        series={SERIES}
      />
      <SeriesLegend series={SERIES} />
    </ChartCard>
  );
});
