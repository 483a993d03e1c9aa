import { ChartTooltip } from '@mantine/charts';
import type { ReactNode } from 'react';
import { valueScale, type PlotArea } from './bar-geometry';
import { valueTicks } from './chart-axes';
import { themeColor } from './chart-parts';
import type { ChartSeries } from './series';

/**
 * The pieces of the Usage page's plain SVG charts (SvgBarChart, SvgAreaChart): grid, axis labels and the hover
 * tooltip, placed as @mantine/charts places them on recharts (labels 8 px off the plot and shifted 10 px more).
 */

/** A value axis: its ticks from 0 (`valueTicks`), its top, the room its labels take (px) and their format. */
export interface SvgValueAxis {
  ticks: number[];
  max: number;
  width: number;
  format?: (value: number) => string;
}

const TICK = 6;
const LABEL_GAP = 8;
/** The extra shift of value labels away from the plot, as @mantine/charts places them. */
const LABEL_SHIFT = 10;
const GRID = { stroke: 'var(--chart-grid-color)', strokeDasharray: '5 5' } as const;
const TEXT = { fontSize: 12, fill: 'currentColor' } as const;

/** A value axis from 0 that covers `max` with five round ticks (whole numbers for counts), `width` px of labels. */
export function valueAxis(
  max: number,
  width: number,
  format?: (value: number) => string,
  wholeNumbers = false,
): SvgValueAxis {
  const { ticks, domain } = valueTicks(max, wholeNumbers);
  return { ticks, max: domain[1], width, format };
}

/** Dashed lines across the plot at the value axis's ticks. */
export function valueGrid(plot: PlotArea, axis: SvgValueAxis, lying: boolean): ReactNode {
  const scale = valueScale(axis.max, lying ? plot.width : plot.height);
  return (
    <g className="usage-chart-grid">
      {axis.ticks.map((t) => {
        const at = lying ? plot.left + t * scale : plot.top + plot.height - t * scale;
        return lying ? (
          <line key={t} x1={at} y1={plot.top} x2={at} y2={plot.top + plot.height} {...GRID} />
        ) : (
          <line key={t} x1={plot.left} y1={at} x2={plot.left + plot.width} y2={at} {...GRID} />
        );
      })}
    </g>
  );
}

/** Category labels, every `every`-th, under the plot at `at(i)` (or, `side` left, beside it). */
export function categoryLabels(
  labels: string[],
  every: number,
  at: (index: number) => number,
  plot: PlotArea,
  side: 'bottom' | 'left',
): ReactNode {
  const step = Math.max(1, every);
  return (
    <g className="usage-chart-category-ticks">
      {labels.map((text, i) => {
        if (i % step !== 0) return null;
        return side === 'bottom' ? (
          <text
            key={i}
            x={at(i)}
            y={plot.top + plot.height + LABEL_GAP + LABEL_SHIFT}
            dy="0.71em"
            textAnchor="middle"
            {...TEXT}
          >
            {text}
          </text>
        ) : (
          <text key={i} x={plot.left - LABEL_GAP - LABEL_SHIFT} y={at(i)} dy="0.355em" textAnchor="end" {...TEXT}>
            {text}
          </text>
        );
      })}
    </g>
  );
}

/** A value axis's labels (and, upright, its short tick marks) at its ticks. */
export function valueLabels(axis: SvgValueAxis, plot: PlotArea, side: 'left' | 'right' | 'bottom'): ReactNode {
  const format = axis.format ?? String;
  if (side === 'bottom') {
    const scale = valueScale(axis.max, plot.width);
    return (
      <g className="usage-chart-x-ticks">
        {axis.ticks.map((t) => (
          <text
            key={t}
            x={plot.left + t * scale}
            y={plot.top + plot.height + LABEL_GAP + LABEL_SHIFT}
            dy="0.71em"
            textAnchor="middle"
            {...TEXT}
          >
            {format(t)}
          </text>
        ))}
      </g>
    );
  }
  const scale = valueScale(axis.max, plot.height);
  const edge = side === 'left' ? plot.left : plot.left + plot.width;
  const out = side === 'left' ? -1 : 1;
  return (
    <g className={side === 'left' ? 'usage-chart-y-ticks' : 'usage-chart-right-ticks'}>
      {axis.ticks.map((t) => {
        const y = plot.top + plot.height - t * scale;
        return (
          <g key={t}>
            <line x1={edge} y1={y} x2={edge + out * TICK} y2={y} stroke="var(--chart-grid-color)" />
            <text
              x={edge + out * (LABEL_GAP + LABEL_SHIFT)}
              y={y}
              dy="0.355em"
              textAnchor={side === 'left' ? 'end' : 'start'}
              {...TEXT}
            >
              {format(t)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Where a chart's tooltip points: at the pointer, or at the category the keyboard chose. */
export interface TooltipAnchor {
  x: number;
  y: number;
}

/** Mantine's chart tooltip listing `series` in `point`, beside `anchor` (on its left in the right half). */
export function chartTooltip(
  label: string,
  point: Record<string, unknown>,
  series: ChartSeries[],
  format: ((value: number) => string) | undefined,
  anchor: TooltipAnchor,
  width: number,
): ReactNode {
  const payload = series.map((s) => ({ name: s.name, dataKey: s.name, color: themeColor(s.color), payload: point }));
  const onLeft = anchor.x > width / 2;
  return (
    <div
      className="usage-chart-tooltip"
      style={{
        position: 'absolute',
        top: anchor.y,
        left: onLeft ? undefined : anchor.x + 10,
        right: onLeft ? width - anchor.x + 10 : undefined,
        // Centred on the pointer's height: the card around the chart clips what leaves it.
        transform: 'translateY(-50%)',
        width: 'max-content',
        pointerEvents: 'none',
        zIndex: 1,
      }}
    >
      <ChartTooltip label={label} payload={payload} series={series} valueFormatter={format} />
    </div>
  );
}
