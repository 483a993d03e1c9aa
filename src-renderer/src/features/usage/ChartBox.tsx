import { Skeleton } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** One ResizeObserver for every chart box: it reports sizes after the browser's own layout, never forcing one. */
let observer: ResizeObserver | null = null;
const listeners = new WeakMap<Element, (width: number) => void>();

function observeWidth(element: Element, onWidth: (width: number) => void): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(Math.floor(entry.contentRect.width));
  });
  listeners.set(element, onWidth);
  observer.observe(element);
  return () => {
    observer?.unobserve(element);
    listeners.delete(element);
  };
}

/**
 * A chart that fills its card's width at a fixed height: `draw` gets the width once the box has been laid out
 * (null `draw`: the chart's data has not arrived; a placeholder shows). The box is there before the data, so
 * the chart is drawn once, at its size, when the data lands. Sizes come from a ResizeObserver (the first one
 * read in a layout effect), so the charts are drawn at their width in pixels.
 */
export function ChartBox({ height, draw }: { height: number; draw: ((width: number) => ReactNode) | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  // The first width is read before the first paint: the boxes of all charts in one layout (the one the
  // browser would do next anyway), and the charts drawn in the same pass as the page instead of one frame
  // and one render later, when the observer reports. Later sizes come from the observer.
  useLayoutEffect(() => {
    const box = ref.current;
    if (box) setWidth(Math.floor(box.getBoundingClientRect().width));
  }, []);
  useEffect(() => (ref.current ? observeWidth(ref.current, setWidth) : undefined), []);
  return (
    <div ref={ref} className="usage-chart" style={{ height, position: 'relative' }}>
      {draw ? width > 0 && draw(width) : <Skeleton animate={false} style={{ position: 'absolute', inset: 0 }} />}
    </div>
  );
}
