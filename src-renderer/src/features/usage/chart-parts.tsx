import { ChartTooltip } from '@mantine/charts';
import type { ComponentProps, ReactNode } from 'react';
import { CartesianGrid, Tooltip, XAxis, YAxis, type BaseTickContentProps } from 'recharts';
import { categoryInterval, MAX_DAY_LABELS, MAX_HOUR_LABELS, MAX_PROVIDER_LABELS, valueTicks } from './chart-axes';
import { WhenEngaged } from './ChartEngagement';
import type { ChartSeries } from './series';

/**
 * The pieces every Usage chart shares, on recharts directly (the chart components of @mantine/charts add a
 * hidden axis, a style-resolved wrapper per part and a custom shape per bar: about a third of the drawing).
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
const RIGHT_TICK = axisTick({ x: 10, y: 0 });

/** The category (or, lying down, value) axis under a chart: labels only, no line. */
export const BOTTOM_AXIS = { tick: BOTTOM_TICK, tickLine: false, axisLine: false } as const;

/** A value axis beside a chart: labels and short tick marks in the grid colour. */
export const LEFT_AXIS = {
  tick: LEFT_TICK,
  tickLine: { stroke: 'var(--chart-grid-color)' },
  axisLine: false,
} as const;
/** The id of a second value axis, on the right (the series it measures name it as their `yAxisId`). */
export const RIGHT_AXIS_ID = 'right';
export const RIGHT_AXIS = { ...LEFT_AXIS, tick: RIGHT_TICK, orientation: 'right', yAxisId: RIGHT_AXIS_ID } as const;

const NO_LINES = (): number[] => [];

/**
 * Dashed grid lines across the value axis (horizontal lines, or vertical ones for a lying chart). The other
 * direction's positions are not worked out at all: the library would measure the category labels for them.
 */
export function chartGrid(lying = false): ReactNode {
  return lying ? (
    <CartesianGrid horizontal={false} horizontalCoordinatesGenerator={NO_LINES} strokeDasharray="5 5" zIndex={0} />
  ) : (
    <CartesianGrid vertical={false} verticalCoordinatesGenerator={NO_LINES} strokeDasharray="5 5" zIndex={0} />
  );
}

/** The categories along an upright chart's bottom: their data key and how many may be labelled. */
export interface CategoryAxis {
  key: string;
  maxLabels: number;
}

export const DAY_AXIS: CategoryAxis = { key: 'day', maxLabels: MAX_DAY_LABELS };
export const HOUR_AXIS: CategoryAxis = { key: 'hour', maxLabels: MAX_HOUR_LABELS };
export const PROVIDER_AXIS: CategoryAxis = { key: 'provider', maxLabels: MAX_PROVIDER_LABELS };

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

type TooltipItems = ComponentProps<typeof ChartTooltip>['payload'];

/**
 * A hover tooltip in Mantine's tooltip card, mounted once its chart is engaged: `items` turns the hovered
 * payload into the rows it lists, each with its series' label, colour and formatted value.
 */
function cardTooltip(
  series: ChartSeries[],
  valueFormatter: ((value: number) => string) | undefined,
  items: (payload: TooltipItems) => TooltipItems,
): ReactNode {
  return (
    <WhenEngaged>
      <Tooltip
        isAnimationActive={false}
        cursor={CURSOR}
        content={({ label, payload }) => (
          <ChartTooltip label={label} payload={items(payload)} series={series} valueFormatter={valueFormatter} />
        )}
      />
    </WhenEngaged>
  );
}

/** The hover tooltip: each series of the hovered category. */
export function seriesTooltip(series: ChartSeries[], valueFormatter?: (value: number) => string): ReactNode {
  return cardTooltip(series, valueFormatter, (payload) => payload);
}

/**
 * The tooltip of stacked bars drawn as one series (chart-shapes `stackedBars`): every stacked series of
 * the hovered category, as if each were its own series.
 */
export function stackTooltip(series: ChartSeries[], valueFormatter?: (value: number) => string): ReactNode {
  return cardTooltip(series, valueFormatter, (payload) => {
    const point: unknown = payload?.[0]?.payload;
    return point && typeof point === 'object'
      ? series.map((s) => ({ name: s.name, dataKey: s.name, color: themeColor(s.color), payload: point }))
      : undefined;
  });
}
