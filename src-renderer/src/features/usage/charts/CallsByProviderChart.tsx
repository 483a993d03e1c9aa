import { memo } from 'react';
import { BarChart, YAxis } from 'recharts';
import type { StatsRowDto } from '@contract';
import { formatPercent } from '../../../lib/format';
import { PERCENT_TICKS } from '../chart-axes';
import { PROVIDER_AXIS, RIGHT_AXIS, seriesTooltip, uprightAxes, type ChartSeries } from '../chart-parts';
import { seriesBars } from '../chart-shapes';
import { CartesianChartCard } from '../CartesianChartCard';

const SERIES: ChartSeries[] = [
  { name: 'calls', label: 'Calls', color: 'indigo.6' },
  { name: 'errorRate', label: 'Error rate (%)', color: 'red.6' },
];

const TITLE = 'Calls and error rate by provider';

const percentTick = (v: number): string => `${v}%`;

/** Calls and error rate per provider (`provider`): calls on the left axis, error rate (%) on the right. */
export const CallsByProviderChart = memo(function CallsByProviderChart({ rows }: { rows: StatsRowDto[] | null }) {
  const data = rows
    ? rows.map((r) => ({ provider: r.key, calls: r.calls, errorRate: Math.round(r.errorRate * 1000) / 10 }))
    : null;
  const worst = rows && [...rows].sort((a, b) => b.errorRate - a.errorRate)[0];
  return (
    <CartesianChartCard
      title={TITLE}
      summary={worst ? `Highest error rate: ${worst.key} at ${formatPercent(worst.errorRate)}` : undefined}
      legend={SERIES}
      plot={
        data &&
        ((width, height) => (
          <BarChart width={width} height={height} data={data} maxBarSize={48}>
            {uprightAxes(PROVIDER_AXIS, data.length, {
              top: Math.max(0, ...data.map((d) => d.calls)),
              wholeNumbers: true,
              width: 48,
            })}
            <YAxis {...RIGHT_AXIS} {...PERCENT_TICKS} width={56} tickFormatter={percentTick} />
            {seriesTooltip(SERIES)}
            {seriesBars(SERIES, ['errorRate'])}
          </BarChart>
        ))
      }
    />
  );
});
