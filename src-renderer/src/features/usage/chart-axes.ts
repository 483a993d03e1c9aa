/**
 * Axis ticks decided here rather than by the chart library. Left to choose, it measures every category
 * label in the DOM (a forced layout each) and works out "nice" value ticks with decimal arithmetic, for
 * every axis and grid on every render: a large share of the Usage page's drawing time.
 */

/** Every `interval + 1`-th category labelled, so that at most `maxLabels` labels show. */
export function categoryInterval(count: number, maxLabels: number): number {
  return Math.max(0, Math.ceil(count / maxLabels) - 1);
}

/** Day labels ("12 Mar") that fit a half-width chart card. */
export const MAX_DAY_LABELS = 8;

/** Provider names under a half-width bar chart. */
export const MAX_PROVIDER_LABELS = 8;

/** Hours "00", "02" … "22": all 24 run together in a half-width chart on a 1280 px window. */
export const MAX_HOUR_LABELS = 12;

/** User names down a 240 px tall chart. */
export const MAX_USER_LABELS = 12;

/** A value axis's five ticks from zero: its domain, the tick values, and the library's own tick search off. */
export interface ValueTicks {
  domain: [number, number];
  ticks: number[];
  niceTicks: 'none';
  interval: 0;
}

/** Tick steps per power of ten: the smallest that fits is used, so the top tick stays close to the data. */
const STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
const TICK_COUNT = 5;

/** Five evenly spaced ticks from 0 that cover `max` with a round step (whole numbers for counts). */
export function valueTicks(max: number, wholeNumbers = false): ValueTicks {
  const wanted = Number.isFinite(max) && max > 0 ? max / (TICK_COUNT - 1) : 1;
  const magnitude = 10 ** Math.floor(Math.log10(wanted));
  const factor = STEPS.find((s) => s * magnitude >= wanted * (1 - 1e-9)) ?? 10;
  const step = wholeNumbers ? Math.max(1, Math.ceil(factor * magnitude)) : factor * magnitude;
  // toPrecision drops float noise (3 × 0.00009 = 0.00027000000000000006).
  const ticks = Array.from({ length: TICK_COUNT }, (_, i) => Number((i * step).toPrecision(12)));
  return { domain: [0, ticks[TICK_COUNT - 1] ?? step], ticks, niceTicks: 'none', interval: 0 };
}

/** The error-rate axis: 0–100 %. */
export const PERCENT_TICKS: ValueTicks = valueTicks(100);
