import type { ReactNode } from 'react';
import { Bar } from 'recharts';
import type { ChartSeries } from './chart-parts';
import { RIGHT_AXIS_ID, themeColor } from './chart-parts';
import { segmentValue, STACK_TOTAL } from './stack-total';

/** What the chart library hands a bar's shape: its box and its data point. */
interface BarBox {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: Record<string, unknown>;
}

const box = (x: number, y: number, width: number, height: number): string => `M${x},${y}h${width}v${height}h${-width}Z`;

/**
 * A bar as one SVG path. The library's own bar shape is a component with a dozen hooks for animations
 * these charts never run: a few hundred bars make that a visible part of the drawing.
 */
export function barPath({ x = 0, y = 0, width = 0, height = 0, fill }: BarBox) {
  if (width <= 0 || height <= 0) return <g />;
  return <path className="recharts-rectangle" fill={fill} d={box(x, y, width, height)} />;
}

/** One bar series per `series` entry, side by side in its colour; `rightAxis` names those measured on the right. */
export function seriesBars(series: ChartSeries[], rightAxis: readonly string[] = []): ReactNode {
  return series.map((s) => (
    <Bar
      key={s.name}
      dataKey={s.name}
      yAxisId={rightAxis.includes(s.name) ? RIGHT_AXIS_ID : undefined}
      fill={themeColor(s.color)}
      shape={barPath}
      isAnimationActive={false}
    />
  ));
}

/**
 * Stacked bars drawn as one bar per category, cut into its series' segments bottom up (first series at the
 * bottom, as the library stacks them). The library then lays out one series instead of one per series,
 * each of which recomputes the layout of all the others when it registers.
 */
function stackedBarShape(series: ChartSeries[]) {
  return function StackedBar({ x = 0, y = 0, width = 0, height = 0, payload }: BarBox) {
    const value = (name: string): number => segmentValue(payload, name);
    const total = series.reduce((sum, s) => sum + value(s.name), 0);
    if (width <= 0 || height <= 0 || total <= 0) return <g />;
    let top = y + height;
    return (
      <g className="recharts-rectangle">
        {series.map((s) => {
          const segment = (value(s.name) / total) * height;
          top -= segment;
          return segment > 0 ? <path key={s.name} fill={themeColor(s.color)} d={box(x, top, width, segment)} /> : null;
        })}
      </g>
    );
  };
}

/** Stacked bars of `series` (data points `withStackTotal`), one bar per category cut into the series' segments. */
export function stackedBars(series: ChartSeries[]): ReactNode {
  return <Bar dataKey={STACK_TOTAL} shape={stackedBarShape(series)} isAnimationActive={false} />;
}
