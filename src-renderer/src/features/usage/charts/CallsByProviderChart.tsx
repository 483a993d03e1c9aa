import { memo } from 'react';
import type { StatsRowDto } from '@contract';
import { formatPercent } from '../../../lib/format';
import { categoryInterval, MAX_PROVIDER_LABELS, PERCENT_TICKS } from '../chart-axes';
import type { ChartSeries } from '../chart-parts';
import { CartesianChartCard } from '../CartesianChartCard';
import { SvgBarChart } from '../SvgBarChart';
import { valueAxis } from '../svg-chart-parts';

const SERIES: ChartSeries[] = [
  { name: 'calls', label: 'Calls', color: 'indigo.6' },
  { name: 'errorRate', label: 'Error rate (%)', color: 'red.6' },
];

const TITLE = 'Calls and error rate by provider';

const percentTick = (v: number): string => `${v}%`;
/** The error-rate axis on the right: 0–100 %. */
const ERROR_RATE_AXIS = {
  ticks: PERCENT_TICKS.ticks,
  max: PERCENT_TICKS.domain[1],
  width: 56,
  format: percentTick,
  series: ['errorRate'],
};

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
          <SvgBarChart
            width={width}
            height={height}
            data={data}
            category="provider"
            labelEvery={categoryInterval(data.length, MAX_PROVIDER_LABELS) + 1}
            series={SERIES}
            values={valueAxis(Math.max(0, ...data.map((d) => d.calls)), 48, undefined, true)}
            right={ERROR_RATE_AXIS}
            maxBarSize={48}
            label={TITLE}
          />
        ))
      }
    />
  );
});
