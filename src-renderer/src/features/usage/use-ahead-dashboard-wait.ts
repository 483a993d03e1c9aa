import { useEffect, useState } from 'react';
import { aheadDashboardArrival } from './dashboard-request';
import { defaultRange } from './use-date-range';

/**
 * How long the page waits for the data asked for ahead before it shows itself with placeholders. The data
 * usually arrives in a few tens of ms: waiting for it spares a full render of the page's placeholders, which
 * took about as long as the wait, just before the render with the data.
 */
const MAX_WAIT_MS = 250;

/** True while the Usage page's data, asked for on the link's press, is on its way (for at most MAX_WAIT_MS). */
export function useAheadDashboardWait(): boolean {
  const [arrival] = useState(() => aheadDashboardArrival(defaultRange(), MAX_WAIT_MS));
  const [waiting, setWaiting] = useState(arrival !== null);
  useEffect(() => {
    if (!arrival) return;
    let live = true;
    void arrival.then(() => live && setWaiting(false));
    return () => {
      live = false;
    };
  }, [arrival]);
  return waiting;
}
