import type { ReactElement, ReactNode } from 'react';
import { band, barSlots, boxPath, DEFAULT_MARGINS, plotArea, valueScale, type Margins } from './bar-geometry';
import { themeColor } from './chart-parts';
import { useChartCursor } from './chart-cursor';
import type { ChartSeries } from './series';
import { segmentValue } from './stack-total';
import { categoryLabels, chartTooltip, valueGrid, valueLabels, type SvgValueAxis } from './svg-chart-parts';

/**
 * A bar chart drawn as plain SVG by React, with no charting library: the Usage page's five bar charts. The
 * library drew each of them through its own store (a few dozen actions to register axes, bars and layers, each
 * re-running the chart's selectors, and two or three render passes): about half the main-thread time of opening
 * the page. Here one render draws the grid, the bars and the axis labels; hovering, or the arrow keys once the
 * chart has the focus, shows a category's values in Mantine's chart tooltip.
 */

type Point = Record<string, unknown>;

export interface SvgBarChartProps {
  width: number;
  height: number;
  data: Point[];
  /** The key of each point's category label. */
  category: string;
  /** Every how many categories one is labelled (1: all). */
  labelEvery: number;
  /** The bars: side by side, or (`stacked`) one bar per category cut into these segments, the first at the bottom. */
  series: ChartSeries[];
  stacked?: boolean;
  /** Categories down the left and values along the bottom, instead of categories along the bottom. */
  lying?: boolean;
  /** The value axis (left, or along the bottom when lying). */
  values: SvgValueAxis;
  /** A second value axis on the right (upright charts only), for the series it names. */
  right?: SvgValueAxis & { series: readonly string[] };
  /** Lying charts: the room of the category labels on the left, px. */
  categoryWidth?: number;
  maxBarSize?: number;
  margins?: Margins;
  /** What the tooltip lists for a hovered category (default `series`) and how it formats the values. */
  tooltipSeries?: ChartSeries[];
  format?: (value: number) => string;
  /** What the chart shows, for screen readers. */
  label: string;
}

const numberIn = (point: Point | undefined, key: string): number => {
  const v = point?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

export function SvgBarChart(props: SvgBarChartProps) {
  const { width, height, data, lying = false, values, right } = props;
  const margins = props.margins ?? DEFAULT_MARGINS;
  const plot = lying
    ? plotArea(width, height, props.categoryWidth ?? 0, 0, margins)
    : plotArea(width, height, values.width, right?.width ?? 0, margins);
  const count = data.length;
  const categoryLength = lying ? plot.height : plot.width;

  /** Category `index`'s band along the category axis. */
  const bandOf = (index: number) => band(lying ? plot.top : plot.left, categoryLength, count, index);
  const centreOf = (index: number) => {
    const b = bandOf(index);
    return b.start + b.size / 2;
  };
  const labels = data.map((point) => String(point[props.category] ?? ''));
  const indexAt = (along: number): number | null => {
    const size = count > 0 ? categoryLength / count : 0;
    const i = size > 0 ? Math.floor((along - (lying ? plot.top : plot.left)) / size) : -1;
    return i >= 0 && i < count ? i : null;
  };

  const keyPoint = (index: number) => {
    const b = bandOf(index);
    return lying
      ? { index, x: plot.left + plot.width / 2, y: b.start + b.size / 2 }
      : { index, x: b.start + b.size / 2, y: plot.top + plot.height / 2 };
  };
  const { active, surface } = useChartCursor({
    count,
    width,
    height,
    label: props.label,
    indexAt: (x, y) =>
      x >= plot.left && x <= plot.left + plot.width && y >= plot.top && y <= plot.top + plot.height
        ? indexAt(lying ? y : x)
        : null,
    keyPoint,
    keys: { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 },
  });
  const activePoint = active ? data[active.index] : undefined;

  return (
    <>
      <svg {...surface}>
        {valueGrid(plot, values, lying)}
        {active && cursor(plot, bandOf(active.index), lying)}
        <g className="usage-chart-bars">
          {data.map((point, i) => {
            const shapes = barShapes(props, point, bandOf(i), plot);
            // A category with nothing to draw has no bar (not an empty one).
            return shapes.length > 0 ? (
              <g key={i} className="usage-chart-bar">
                {shapes}
              </g>
            ) : null;
          })}
        </g>
        {lying ? (
          <>
            {categoryLabels(labels, props.labelEvery, centreOf, plot, 'left')}
            {valueLabels(values, plot, 'bottom')}
          </>
        ) : (
          <>
            {categoryLabels(labels, props.labelEvery, centreOf, plot, 'bottom')}
            {valueLabels(values, plot, 'left')}
            {right && valueLabels(right, plot, 'right')}
          </>
        )}
      </svg>
      {activePoint &&
        active &&
        chartTooltip(
          labels[active.index] ?? '',
          activePoint,
          props.tooltipSeries ?? props.series,
          props.format,
          active,
          width,
        )}
    </>
  );
}

/** The hovered category's band, behind its bars. */
function cursor(plot: ReturnType<typeof plotArea>, b: { start: number; size: number }, lying: boolean): ReactNode {
  return lying ? (
    <rect x={plot.left} y={b.start} width={plot.width} height={b.size} fill="var(--chart-cursor-fill)" />
  ) : (
    <rect x={b.start} y={plot.top} width={b.size} height={plot.height} fill="var(--chart-cursor-fill)" />
  );
}

/** One category's bars: its stacked segments, or its series side by side (each against its own axis). */
function barShapes(
  props: SvgBarChartProps,
  point: Point,
  b: { start: number; size: number },
  plot: ReturnType<typeof plotArea>,
): ReactElement[] {
  const { series, lying = false, values, right } = props;
  const length = lying ? plot.width : plot.height;
  const bar = (s: ChartSeries, slot: { start: number; size: number }, from: number, value: number) => {
    const axis = right?.series.includes(s.name) ? right : values;
    const scale = valueScale(axis.max, length);
    const start = from * scale;
    const size = value * scale;
    if (!(size > 0) || slot.size <= 0) return null;
    const d = lying
      ? boxPath(plot.left + start, slot.start, size, slot.size)
      : boxPath(slot.start, plot.top + plot.height - start - size, slot.size, size);
    return <path key={s.name} fill={themeColor(s.color)} d={d} />;
  };
  if (props.stacked) {
    const [slot] = barSlots(b.start, b.size, 1, props.maxBarSize);
    if (!slot) return [];
    let from = 0;
    return series.flatMap((s) => {
      const value = segmentValue(point, s.name);
      const shape = bar(s, slot, from, value);
      from += value;
      return shape ? [shape] : [];
    });
  }
  const slots = barSlots(b.start, b.size, series.length, props.maxBarSize);
  return series.flatMap((s, i) => {
    const slot = slots[i];
    const shape = slot && bar(s, slot, 0, Math.max(0, numberIn(point, s.name)));
    return shape ? [shape] : [];
  });
}
