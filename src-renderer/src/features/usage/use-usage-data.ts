import { useCallback, useEffect, useState } from 'react';
import type { DashboardDto } from '../../../../src-preload/contract';
import { errorMessage } from '../../lib/ipc';
import { dashboardFor } from './dashboard-request';
import type { DateRange } from './date-range';

export interface UsageData {
  /** The last answer (kept while another range loads), or null before the first. */
  data: DashboardDto | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

interface Loaded {
  key: string;
  data: DashboardDto | null;
  error: string | null;
}

/**
 * Everything the dashboard draws for one range (all from the rollups), in one `usage:dashboard` answer: one
 * round trip, and main reads each rollup table once or twice instead of once per grouping.
 */
export function useUsageData(range: DateRange): UsageData {
  const { from, to } = range;
  const [tick, setTick] = useState(0);
  const key = `${from}|${to}|${tick}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', data: null, error: null });
  useEffect(() => {
    let live = true;
    dashboardFor({ from, to }).then(
      (data) => live && setLoaded({ key, data, error: null }),
      (err: unknown) => live && setLoaded((prev) => ({ key, data: prev.data, error: errorMessage(err) })),
    );
    return () => {
      live = false;
    };
  }, [from, to, key]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: loaded.data, error: loaded.error, loading: loaded.key !== key, reload };
}
