import { AreaChart } from '@mantine/charts';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatCompact, formatInteger } from '../../../lib/format';
import { ChartCard } from '../ChartCard';
import type { DateRange } from '../date-range';
import { perDay } from '../series';

/** Tokens per day: uncached input, cached input and output (`day`). */
export function TokensPerDayChart({ rows, range }: { rows: StatsRowDto[]; range: DateRange }) {
  const data = perDay(
    rows,
    range,
    (r) => ({ input: r.inputTokens - r.cachedInputTokens, cached: r.cachedInputTokens, output: r.outputTokens }),
    { input: 0, cached: 0, output: 0 },
  );
  const total = rows.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0);
  return (
    <ChartCard title="Tokens per day" summary={`${formatInteger(total)} tokens in total`}>
      <AreaChart
        h={240}
        data={data}
        dataKey="day"
        xAxisProps={{ minTickGap: 24 }}
        type="stacked"
        curveType="monotone"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        series={[
          { name: 'input', label: 'Input', color: 'indigo.6' },
          { name: 'cached', label: 'Cached input', color: 'cyan.6' },
          { name: 'output', label: 'Output', color: 'teal.6' },
        ]}
        valueFormatter={formatCompact}
        yAxisProps={{ width: 56 }}
        withDots={false}
      />
    </ChartCard>
  );
}
