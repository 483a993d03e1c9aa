import { ChartTooltip } from '@mantine/charts';
import type { ReactNode } from 'react';
import { CartesianGrid, Tooltip, XAxis, YAxis, type BaseTickContentProps } from 'recharts';
import { categoryInterval, MAX_DAY_LABELS, valueTicks } from './chart-axes';
import { WhenEngaged } from './ChartEngagement';
import type { ChartSeries } from './series';

/**
 * The pieces of the Usage page's recharts chart (tokens per day; the bar charts are plain SVG, SvgBarChart),
 * on recharts directly (the chart components of @mantine/charts add a hidden axis and a style-resolved
 * wrapper per part).
 */

export type { ChartSeries } from './series';

/** A Mantine colour as the theme's CSS variable (the same in light and dark, as Mantine's charts use it). */
export const themeColor = (color: string): string => `var(--mantine-color-${color.replace('.', '-')})`;

type TickShift = { x: number; y: number };

/**
 * An axis label as one SVG text. The chart library's own tick text measures every new word in the DOM (a
 * forced layout each) to wrap it to the axis width; these labels are short and never wrap. No
 * `recharts-cartesian-axis-tick-value` class: the library reads the computed style of the first element
 * with it on every axis (a style recalculation each, ~50–100 ms of the page's first draw in all).
 */
function axisTick(shift: TickShift) {
  return function AxisTick(p: BaseTickContentProps): ReactNode {
    const value: unknown = p.payload.value;
    const text = p.tickFormatter ? p.tickFormatter(value, p.index) : String(value);
    return (
      <text
        x={p.x}
        y={p.y}
        dy={p.verticalAnchor === 'start' ? '0.71em' : '0.355em'}
        transform={`translate(${shift.x}, ${shift.y})`}
        textAnchor={p.textAnchor}
        fontSize={12}
        fill="currentColor"
      >
        {text}
      </text>
    );
  };
}

const BOTTOM_TICK = axisTick({ x: 0, y: 10 });
const LEFT_TICK = axisTick({ x: -10, y: 0 });

/** The category axis under the chart: labels only, no line. */
const BOTTOM_AXIS = { tick: BOTTOM_TICK, tickLine: false, axisLine: false } as const;

/** A value axis beside a chart: labels and short tick marks in the grid colour. */
const LEFT_AXIS = {
  tick: LEFT_TICK,
  tickLine: { stroke: 'var(--chart-grid-color)' },
  axisLine: false,
} as const;

const NO_LINES = (): number[] => [];

/**
 * Dashed grid lines across the value axis. The other direction's positions are not worked out at all: the
 * library would measure the category labels for them. Drawn in place (z-index 0) rather than through a layer
 * of its own, which the library registers in its store and fills only in a second render.
 */
function chartGrid(): ReactNode {
  return <CartesianGrid vertical={false} verticalCoordinatesGenerator={NO_LINES} strokeDasharray="5 5" zIndex={0} />;
}

/** The categories along an upright chart's bottom: their data key and how many may be labelled. */
export interface CategoryAxis {
  key: string;
  maxLabels: number;
}

export const DAY_AXIS: CategoryAxis = { key: 'day', maxLabels: MAX_DAY_LABELS };

/** An upright chart's value axis, up the left from zero. */
export interface ValueAxis {
  /** The largest value it must reach; `wholeNumbers` for counts. */
  top: number;
  wholeNumbers?: boolean;
  /** Its width (px) and its labels' format. */
  width: number;
  format?: (value: number) => string;
}

/** The axes of an upright chart of `count` categories, with the grid across the values. */
export function uprightAxes(categories: CategoryAxis, count: number, values: ValueAxis): ReactNode {
  return (
    <>
      <XAxis dataKey={categories.key} {...BOTTOM_AXIS} interval={categoryInterval(count, categories.maxLabels)} />
      <YAxis
        {...LEFT_AXIS}
        {...valueTicks(values.top, values.wholeNumbers)}
        width={values.width}
        tickFormatter={values.format}
      />
      {chartGrid()}
    </>
  );
}

const CURSOR = { stroke: 'var(--chart-grid-color)', strokeWidth: 1, fill: 'var(--chart-cursor-fill)' };

/**
 * The hover tooltip in Mantine's tooltip card, mounted once its chart is engaged: each series of the hovered
 * category, with its label, colour and formatted value.
 */
export function seriesTooltip(series: ChartSeries[], valueFormatter?: (value: number) => string): ReactNode {
  return (
    <WhenEngaged>
      <Tooltip
        isAnimationActive={false}
        cursor={CURSOR}
        content={({ label, payload }) => (
          <ChartTooltip label={label} payload={payload} series={series} valueFormatter={valueFormatter} />
        )}
      />
    </WhenEngaged>
  );
}
