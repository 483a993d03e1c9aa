import { createContext, useContext, useState, type CSSProperties, type ReactNode, type Ref } from 'react';

/** True once the pointer or the keyboard focus has been in the chart. */
const Engaged = createContext(false);

/**
 * A chart's box that notes when the pointer or the keyboard focus first comes in. The chart library
 * measures every tooltip in the DOM when it mounts, and with seven charts that was about a tenth of the
 * Usage page's first draw; tooltips (`WhenEngaged`) are mounted on the first visit instead. Only they
 * re-render then: the chart (`children`) is the same element.
 */
export function ChartEngagement({
  boxRef,
  className,
  style,
  children,
}: {
  boxRef?: Ref<HTMLDivElement>;
  className: string;
  style: CSSProperties;
  children: ReactNode;
}) {
  const [engaged, setEngaged] = useState(false);
  const engage = engaged ? undefined : () => setEngaged(true);
  return (
    <div ref={boxRef} className={className} style={style} onPointerEnter={engage} onFocus={engage}>
      <Engaged.Provider value={engaged}>{children}</Engaged.Provider>
    </div>
  );
}

/** Renders `children` (a chart's tooltip) once its chart has been engaged. */
export function WhenEngaged({ children }: { children: ReactNode }) {
  return useContext(Engaged) ? children : null;
}
