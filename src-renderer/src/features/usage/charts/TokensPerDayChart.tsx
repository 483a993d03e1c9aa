import { memo } from 'react';
import type { StatsRowDto } from '@contract';
import { formatCompact, formatInteger } from '../../../lib/format';
import { categoryInterval, MAX_DAY_LABELS } from '../chart-axes';
import type { ChartSeries } from '../chart-parts';
import { CartesianChartCard } from '../CartesianChartCard';
import type { DateRange } from '../date-range';
import { perDay } from '../series';
import { SvgAreaChart } from '../SvgAreaChart';
import { valueAxis } from '../svg-chart-parts';

const SERIES: ChartSeries[] = [
  { name: 'input', label: 'Input', color: 'indigo.6' },
  { name: 'cached', label: 'Cached input', color: 'cyan.6' },
  { name: 'output', label: 'Output', color: 'teal.6' },
];

const TITLE = 'Tokens per day';

function tokensPerDay(rows: StatsRowDto[], range: DateRange) {
  const data = perDay(
    rows,
    range,
    (r) => ({ input: r.inputTokens - r.cachedInputTokens, cached: r.cachedInputTokens, output: r.outputTokens }),
    { input: 0, cached: 0, output: 0 },
  );
  const total = rows.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0);
  return { data, total, top: Math.max(0, ...data.map((d) => d.input + d.cached + d.output)) };
}

/** Tokens per day: uncached input, cached input and output (`day`), stacked; a placeholder while loading. */
export const TokensPerDayChart = memo(function TokensPerDayChart({
  rows,
  range,
}: {
  rows: StatsRowDto[] | null;
  /** The days `rows` cover. */
  range: DateRange | null;
}) {
  const tokens = rows && range ? tokensPerDay(rows, range) : null;
  return (
    <CartesianChartCard
      title={TITLE}
      summary={tokens ? `${formatInteger(tokens.total)} tokens in total` : undefined}
      legend={SERIES}
      plot={
        tokens &&
        ((width, height) => (
          <SvgAreaChart
            width={width}
            height={height}
            data={tokens.data}
            category="day"
            labelEvery={categoryInterval(tokens.data.length, MAX_DAY_LABELS) + 1}
            series={SERIES}
            values={valueAxis(tokens.top, 56, formatCompact)}
            format={formatCompact}
            label={TITLE}
          />
        ))
      }
    />
  );
});
