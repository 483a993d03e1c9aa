import { area, curveMonotoneX, line } from 'd3-shape';
import { plotArea, valueScale } from './bar-geometry';
import { themeColor } from './chart-parts';
import { useChartCursor } from './chart-cursor';
import type { ChartSeries } from './series';
import { segmentValue } from './stack-total';
import { categoryLabels, chartTooltip, valueGrid, valueLabels, type SvgValueAxis } from './svg-chart-parts';

type CurvePoint = readonly [x: number, y: number];

/** The token areas' smooth edges (monotone in x: never overshooting a point), as the library drew them. */
const edgePath = line<CurvePoint>().curve(curveMonotoneX);
/** A band between its lower edge and its top edge: [x, lower y, top y]. */
const bandPath = area<readonly [number, number, number]>()
  .x((p) => p[0])
  .y0((p) => p[1])
  .y1((p) => p[2])
  .curve(curveMonotoneX);

/**
 * Stacked areas drawn as plain SVG by React (the tokens per day), for the same reason as SvgBarChart: the
 * charting library's store was most of the chart's drawing time. Each series is a smooth band on top of the
 * ones before it, its top edge stroked; hovering, or the arrow keys once the chart has the focus, marks the
 * nearest point of every series and lists them in Mantine's chart tooltip.
 */
export interface SvgAreaChartProps {
  width: number;
  height: number;
  data: Record<string, unknown>[];
  /** The key of each point's category label. */
  category: string;
  /** Every how many points one is labelled. */
  labelEvery: number;
  /** The stacked series, the first at the bottom. */
  series: ChartSeries[];
  values: SvgValueAxis;
  format?: (value: number) => string;
  /** What the chart shows, for screen readers. */
  label: string;
}

export function SvgAreaChart(props: SvgAreaChartProps) {
  const { width, height, data, series, values } = props;
  const plot = plotArea(width, height, values.width, 0);
  const count = data.length;
  const step = count > 1 ? plot.width / (count - 1) : 0;
  const xOf = (i: number) => (count > 1 ? plot.left + i * step : plot.left + plot.width / 2);
  const scale = valueScale(values.max, plot.height);
  const yOf = (v: number) => plot.top + plot.height - v * scale;
  // Each series' top edge: the running sum of the series up to it.
  const tops: CurvePoint[][] = [];
  const sums = data.map(() => 0);
  for (const s of series) {
    tops.push(
      data.map((point, i) => {
        sums[i] = (sums[i] ?? 0) + segmentValue(point, s.name);
        return [xOf(i), yOf(sums[i] ?? 0)] as const;
      }),
    );
  }
  const baseline: CurvePoint[] = data.map((_, i) => [xOf(i), yOf(0)] as const);
  const nearest = (x: number): number | null =>
    count === 0 ? null : Math.min(count - 1, Math.max(0, step > 0 ? Math.round((x - plot.left) / step) : 0));
  const { active, surface } = useChartCursor({
    count,
    width,
    height,
    label: props.label,
    indexAt: (x, y) =>
      x >= plot.left - step / 2 &&
      x <= plot.left + plot.width + step / 2 &&
      y >= plot.top &&
      y <= plot.top + plot.height
        ? nearest(x)
        : null,
    keyPoint: (index) => ({ index, x: xOf(index), y: plot.top + plot.height / 2 }),
    keys: { ArrowRight: 1, ArrowLeft: -1 },
  });
  const activePoint = active ? data[active.index] : undefined;

  return (
    <>
      <svg {...surface}>
        {valueGrid(plot, values, false)}
        {series.map((s, k) => {
          const top = tops[k] ?? [];
          const below = tops[k - 1] ?? baseline;
          const band = top.map(([x, y], i) => [x, below[i]?.[1] ?? y, y] as const);
          const color = themeColor(s.color);
          return (
            <g key={s.name} className="usage-chart-series">
              <path d={bandPath(band) ?? ''} fill={color} fillOpacity={0.2} />
              <path d={edgePath(top) ?? ''} fill="none" stroke={color} strokeWidth={2} />
            </g>
          );
        })}
        {active && (
          <g className="usage-chart-active">
            <line
              x1={xOf(active.index)}
              y1={plot.top}
              x2={xOf(active.index)}
              y2={plot.top + plot.height}
              stroke="var(--chart-grid-color)"
            />
            {series.map((s, k) => {
              const point = tops[k]?.[active.index];
              return point ? (
                <circle
                  key={s.name}
                  cx={point[0]}
                  cy={point[1]}
                  r={4}
                  fill="var(--mantine-color-white)"
                  stroke={themeColor(s.color)}
                  strokeWidth={2}
                />
              ) : null;
            })}
          </g>
        )}
        {categoryLabels(
          data.map((point) => String(point[props.category] ?? '')),
          props.labelEvery,
          xOf,
          plot,
          'bottom',
        )}
        {valueLabels(values, plot, 'left')}
      </svg>
      {active &&
        activePoint &&
        chartTooltip(String(activePoint[props.category] ?? ''), activePoint, series, props.format, active, width)}
    </>
  );
}
