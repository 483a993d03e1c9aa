import { ChartTooltip } from '@mantine/charts';
import { useState } from 'react';
import { themeColor } from './chart-parts';

/** One slice: its name, its value and its Mantine colour ("indigo.6"). */
export interface DonutSlice {
  name: string;
  value: number;
  color: string;
}

/** A point `r` px from the centre at `degrees` (counter-clockwise from 3 o'clock, as the slices go round). */
const polar = (c: number, r: number, degrees: number): string => {
  const a = (degrees * Math.PI) / 180;
  return `${c + r * Math.cos(a)},${c - r * Math.sin(a)}`;
};

/** A ring sector from `from`° to `to`° (less than a full turn) between radii `inner` and `outer`. */
function sectorPath(c: number, inner: number, outer: number, from: number, to: number): string {
  const large = to - from > 180 ? 1 : 0;
  return (
    `M${polar(c, outer, from)}A${outer},${outer} 0 ${large} 0 ${polar(c, outer, to)}` +
    `L${polar(c, inner, to)}A${inner},${inner} 0 ${large} 1 ${polar(c, inner, from)}Z`
  );
}

/** Each slice with a share of the turn (none for nothing): where it starts and ends, in degrees. */
function sliceTurns(slices: DonutSlice[]): { slice: DonutSlice; from: number; to: number }[] {
  const sum = slices.reduce((s, d) => s + Math.max(0, d.value), 0);
  const turns: { slice: DonutSlice; from: number; to: number }[] = [];
  let angle = 0;
  for (const slice of slices) {
    const sweep = sum > 0 ? (Math.max(0, slice.value) / sum) * 360 : 0;
    if (sweep > 0) turns.push({ slice, from: angle, to: angle + sweep });
    angle += sweep;
  }
  return turns;
}

/**
 * A donut of the slices' shares drawn as plain SVG by React (the calls by task), with their total in the
 * middle; hovering it, or focusing it, lists every slice in Mantine's chart tooltip beside the pointer.
 */
export function SvgDonut({
  size,
  thickness,
  slices,
  total,
  format,
  label,
}: {
  size: number;
  thickness: number;
  slices: DonutSlice[];
  /** The text in the middle. */
  total: string;
  format: (value: number) => string;
  label: string;
}) {
  const [active, setActive] = useState<{ x: number; y: number } | null>(null);
  const c = size / 2;
  const sectors = sliceTurns(slices).flatMap(({ slice, from, to }) => {
    // A full turn is drawn as two halves: an arc cannot end where it starts.
    const parts =
      to - from >= 360
        ? [
            [from, from + 180],
            [from + 180, from + 360],
          ]
        : [[from, to]];
    return parts.map(([a, b], i) => (
      <path
        key={`${slice.name}-${i}`}
        d={sectorPath(c, c - thickness, c, a ?? 0, b ?? 0)}
        fill={themeColor(slice.color)}
        stroke="var(--mantine-color-body)"
        strokeWidth={1}
      />
    ));
  });
  return (
    <>
      <svg
        className="usage-chart-surface"
        width={size}
        height={size}
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={label}
        tabIndex={0}
        onPointerMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setActive({ x: e.clientX - box.left, y: e.clientY - box.top });
        }}
        onPointerLeave={() => setActive(null)}
        onFocus={() => setActive((a) => a ?? { x: c, y: c })}
        onBlur={() => setActive(null)}
      >
        <g className="usage-chart-series">{sectors}</g>
        <text
          x="50%"
          y="50%"
          textAnchor="middle"
          dominantBaseline="middle"
          style={{ fill: 'var(--mantine-color-text)', fontSize: 'var(--mantine-font-size-sm)' }}
        >
          {total}
        </text>
      </svg>
      {active && (
        <div
          className="usage-chart-tooltip"
          style={{
            position: 'absolute',
            top: active.y,
            left: active.x + 10,
            transform: 'translateY(-50%)',
            width: 'max-content',
            pointerEvents: 'none',
            zIndex: 1,
          }}
        >
          <ChartTooltip payload={slices} type="radial" valueFormatter={format} />
        </div>
      )}
    </>
  );
}
