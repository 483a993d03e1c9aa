import { useEffect, useState } from 'react';
import { errorMessage } from '../../lib/ipc';
import { loadOnce } from '../../lib/load-once';
import type { UsagePage } from './UsagePage';

type UsagePageModule = { UsagePage: typeof UsagePage };

let loaded: UsagePageModule | null = null;

/**
 * Starts loading the Usage page's code once (again after a failed load): the page and its charts with the
 * charting library, one chunk that the browser compiles in the background as it arrives.
 */
export const preloadUsagePage: () => Promise<UsagePageModule> = loadOnce(() =>
  import('./UsagePage').then((m) => (loaded = m)),
);

export interface UsagePageCode {
  /** The page's component, or null while its code loads. */
  Page: typeof UsagePage | null;
  error: string | null;
}

/**
 * The Usage page's component, at once when its code has already loaded (it is fetched ahead: on idle, on
 * hover, on the navigation click). Not React.lazy + Suspense: a lazy component suspends on its first render
 * even when its code is there, and React then holds the revealed content back for up to 300 ms after the
 * fallback showed (its fallback throttling): an idle wait before the page's first draw.
 */
export function useUsagePageCode(): UsagePageCode {
  const [state, setState] = useState<UsagePageCode>(() => ({ Page: loaded?.UsagePage ?? null, error: null }));
  const ready = state.Page !== null;
  useEffect(() => {
    if (ready) return;
    let live = true;
    preloadUsagePage().then(
      (m) => live && setState({ Page: m.UsagePage, error: null }),
      (err: unknown) => live && setState({ Page: null, error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [ready]);
  return state;
}
