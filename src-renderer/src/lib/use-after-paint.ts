import { useEffect, useState } from 'react';

/**
 * False until `ready` has been true through one painted frame: what renders behind it waits until what
 * `ready` stands for is on screen (after the next animation frame, in the task after it), not in the same
 * render pass.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}
