import { AreaChart } from '@mantine/charts';
import { memo } from 'react';
import type { StatsRowDto } from '../../../../../src-preload/contract';
import { formatCompact, formatInteger } from '../../../lib/format';
import { categoryInterval, MAX_DAY_LABELS, VALUE_TICKS } from '../chart-axes';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { LEGEND_HEIGHT, SeriesLegend } from '../SeriesLegend';
import type { DateRange } from '../date-range';
import { perDay } from '../series';

const SERIES = [
  { name: 'input', label: 'Input', color: 'indigo.6' },
  { name: 'cached', label: 'Cached input', color: 'cyan.6' },
  { name: 'output', label: 'Output', color: 'teal.6' },
];

const TITLE = 'Tokens per day';

/** Tokens per day: uncached input, cached input and output (`day`). */
export const TokensPerDayChart = memo(function TokensPerDayChart({
  rows,
  range,
}: {
  rows: StatsRowDto[] | null;
  range: DateRange;
}) {
  if (!rows) return <ChartCard title={TITLE} />;
  const data = perDay(
    rows,
    range,
    (r) => ({ input: r.inputTokens - r.cachedInputTokens, cached: r.cachedInputTokens, output: r.outputTokens }),
    { input: 0, cached: 0, output: 0 },
  );
  const total = rows.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0);
  return (
    <ChartCard title={TITLE} summary={`${formatInteger(total)} tokens in total`}>
      <AreaChart
        h={CHART_HEIGHT - LEGEND_HEIGHT}
        data={data}
        dataKey="day"
        xAxisProps={{ interval: categoryInterval(data.length, MAX_DAY_LABELS) }}
        type="stacked"
        curveType="monotone"
        series={SERIES}
        valueFormatter={formatCompact}
        yAxisProps={{ width: 56, ...VALUE_TICKS }}
        withDots={false}
      />
      <SeriesLegend series={SERIES} />
    </ChartCard>
  );
});
