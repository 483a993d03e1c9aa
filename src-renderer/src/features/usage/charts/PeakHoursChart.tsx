import { BarChart } from '@mantine/charts';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { ChartCard } from '../ChartCard';
import { callsByHourOfDay } from '../series';

/** Calls per local hour of the day (`hour`), to see when the team works and when limits bite. */
export function PeakHoursChart({ rows }: { rows: StatsRowDto[] }) {
  const data = callsByHourOfDay(rows);
  const peak = [...data].sort((a, b) => b.calls - a.calls)[0];
  return (
    <ChartCard
      title="Peak hours"
      summary={peak && peak.calls > 0 ? `Busiest hour: ${peak.hour}:00 with ${peak.calls} calls` : undefined}
    >
      <BarChart
        h={240}
        data={data}
        dataKey="hour"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        yAxisProps={{ width: 40, allowDecimals: false }}
        series={[
          { name: 'calls', label: 'Calls', color: 'indigo.6' },
          { name: 'errors', label: 'Errors', color: 'red.6' },
        ]}
      />
    </ChartCard>
  );
}
