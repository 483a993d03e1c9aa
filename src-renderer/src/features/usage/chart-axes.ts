/**
 * Axis tick intervals as numbers. Left to choose ("preserveStartEnd"), the chart library measures every
 * tick label in the DOM (a layout each) for every axis and grid on every render: a large share of the
 * Usage page's drawing time.
 */

/** Every `interval + 1`-th category labelled, so that at most `maxLabels` labels show. */
export function categoryInterval(count: number, maxLabels: number): number {
  return Math.max(0, Math.ceil(count / maxLabels) - 1);
}

/** Day labels ("12 Mar") that fit a half-width chart card. */
export const MAX_DAY_LABELS = 8;

/** A value axis: its few (5) ticks all labelled. */
export const VALUE_TICKS = { interval: 0 } as const;

/** Provider names under a half-width bar chart. */
export const MAX_PROVIDER_LABELS = 8;

/** Hours "00"–"23": all fit a half-width chart. */
export const MAX_HOUR_LABELS = 24;

/** User names down a 240 px tall chart. */
export const MAX_USER_LABELS = 12;
