import { useState, type KeyboardEvent, type PointerEvent, type SVGProps } from 'react';

/** The marked category: its index and where the tooltip is anchored, in the chart's SVG pixels. */
export interface ActivePoint {
  index: number;
  x: number;
  y: number;
}

/** A step along the categories per arrow key. */
export type StepKeys = Readonly<Partial<Record<'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown', 1 | -1>>>;

export interface ChartCursorOptions {
  count: number;
  width: number;
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  /** The category under the pointer at (x, y), or null when it is off the plot. */
  indexAt: (x: number, y: number) => number | null;
  /** Where the tooltip of category `index` goes when it was chosen with the keyboard. */
  keyPoint: (index: number) => ActivePoint;
  keys: StepKeys;
}

/**
 * The category a Usage chart marks (hovered, or stepped to with the arrow keys once the chart has the focus;
 * Escape clears it), and the props of the chart's `<svg>` that follow the pointer, focus and keys.
 */
export function useChartCursor(o: ChartCursorOptions): {
  active: ActivePoint | null;
  surface: SVGProps<SVGSVGElement>;
} {
  const [active, setActive] = useState<ActivePoint | null>(null);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const index = o.indexAt(x, y);
    setActive(index === null ? null : { index, x, y });
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = o.keys[e.key as keyof StepKeys];
    if (e.key === 'Escape') setActive(null);
    if (step === undefined || o.count === 0) return;
    e.preventDefault();
    setActive(o.keyPoint(Math.min(o.count - 1, Math.max(0, (active?.index ?? -1) + step))));
  };
  return {
    // A category marked before the data shrank is no longer there.
    active: active && active.index < o.count ? active : null,
    surface: {
      className: 'usage-chart-surface',
      width: o.width,
      height: o.height,
      viewBox: `0 0 ${o.width} ${o.height}`,
      role: 'img',
      'aria-label': o.label,
      tabIndex: 0,
      onPointerMove,
      onPointerLeave: () => setActive(null),
      onFocus: () => setActive((a) => a ?? (o.count > 0 ? o.keyPoint(0) : null)),
      onBlur: () => setActive(null),
      onKeyDown,
    },
  };
}
