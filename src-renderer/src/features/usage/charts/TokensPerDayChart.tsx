import { memo } from 'react';
import { Area, AreaChart } from 'recharts';
import type { StatsRowDto } from '@contract';
import { formatCompact, formatInteger } from '../../../lib/format';
import { DAY_AXIS, seriesTooltip, themeColor, uprightAxes, type ChartSeries } from '../chart-parts';
import { CartesianChartCard } from '../CartesianChartCard';
import type { DateRange } from '../date-range';
import { perDay } from '../series';

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
          <AreaChart width={width} height={height} data={tokens.data}>
            {uprightAxes(DAY_AXIS, tokens.data.length, { top: tokens.top, width: 56, format: formatCompact })}
            {seriesTooltip(SERIES, formatCompact)}
            {SERIES.map((s) => (
              <Area
                key={s.name}
                dataKey={s.name}
                stackId="tokens"
                type="monotone"
                stroke={themeColor(s.color)}
                strokeWidth={2}
                fill={themeColor(s.color)}
                fillOpacity={0.2}
                dot={false}
                activeDot={{ fill: 'var(--mantine-color-white)', stroke: themeColor(s.color), strokeWidth: 2, r: 4 }}
                isAnimationActive={false}
                zIndex={0}
              />
            ))}
          </AreaChart>
        ))
      }
    />
  );
});
