/**
 * Where the bars of a Usage bar chart go, in SVG pixels: the plot area inside the axes, one band per category
 * and the bars in it, the value scale. Pure arithmetic, laid out as the charting library lays out its bar
 * charts (5 px margins, a 30 px category axis, 10 % of each band left empty on either side, 4 px between
 * bars side by side), so the plain SVG charts look like the ones before them.
 */

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGINS: Margins = { top: 5, right: 5, bottom: 5, left: 5 };
/** The category axis's height under an upright chart (the value axis's under a lying one). */
export const BOTTOM_AXIS_HEIGHT = 30;
/** Room between a band's edge and its bars: this share of the band on each side. */
const BAND_GAP = 0.1;
/** Between bars side by side in one band, px. */
const BAR_GAP = 4;

/** The plot area of a chart `width` × `height` with value axes `leftWidth` / `rightWidth` px wide. */
export function plotArea(
  width: number,
  height: number,
  leftWidth: number,
  rightWidth: number,
  margins: Margins = DEFAULT_MARGINS,
): PlotArea {
  const left = margins.left + leftWidth;
  const top = margins.top;
  return {
    left,
    top,
    width: Math.max(0, width - margins.right - rightWidth - left),
    height: Math.max(0, height - margins.bottom - BOTTOM_AXIS_HEIGHT - top),
  };
}

/** Band `index` of `count` along a length: where it starts and how long it is. */
export function band(start: number, length: number, count: number, index: number): { start: number; size: number } {
  const size = count > 0 ? length / count : 0;
  return { start: start + index * size, size };
}

/**
 * `bars` bars side by side in a band of `bandSize` px from `bandStart`: each one's offset and thickness (at most
 * `maxBarSize`, the group centred in the band).
 */
export function barSlots(
  bandStart: number,
  bandSize: number,
  bars: number,
  maxBarSize = Infinity,
): { start: number; size: number }[] {
  if (bars <= 0) return [];
  const room = bandSize * (1 - 2 * BAND_GAP) - (bars - 1) * BAR_GAP;
  const size = Math.max(0, Math.min(maxBarSize, room / bars));
  const group = bars * size + (bars - 1) * BAR_GAP;
  const first = bandStart + (bandSize - group) / 2;
  return Array.from({ length: bars }, (_, i) => ({ start: first + i * (size + BAR_GAP), size }));
}

/** Pixels per value along a value axis of `length` px from 0 to `max`. */
export const valueScale = (max: number, length: number): number => (max > 0 ? length / max : 0);

/** An SVG path for a box (the bar charts' one shape). */
export const boxPath = (x: number, y: number, width: number, height: number): string =>
  `M${x},${y}h${width}v${height}h${-width}Z`;
