import type { ChartSeries } from './series';

/** The key of a data point's sum over the stacked series (what the one drawn bar is as tall as). */
export const STACK_TOTAL = 'stackTotal';

/** A series' value in a data point, as a stack segment (missing or negative: none). */
export function segmentValue(point: Record<string, unknown> | undefined, name: string): number {
  const v = point?.[name];
  return typeof v === 'number' && v > 0 ? v : 0;
}

/** Data points with their stack total (what a stacked bar is as tall as). */
export function withStackTotal<T extends Record<string, unknown>>(
  points: T[],
  series: ChartSeries[],
): (T & { [STACK_TOTAL]: number })[] {
  return points.map((p) => ({ ...p, [STACK_TOTAL]: series.reduce((sum, s) => sum + segmentValue(p, s.name), 0) }));
}

/** The tallest stack among the points (0 for none): what the value axis must reach. */
export const stackTop = (points: readonly { [STACK_TOTAL]: number }[]): number =>
  Math.max(0, ...points.map((p) => p[STACK_TOTAL]));
