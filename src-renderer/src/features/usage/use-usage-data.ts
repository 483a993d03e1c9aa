import { useEffect, useState } from 'react';
import type { DashboardDto } from '@contract';
import { useLoad, type CallState } from '../../lib/use-call';
import { arrivedDashboardFor, dashboardFor, forgetAheadDashboard } from './dashboard-request';
import type { DateRange } from './date-range';

/**
 * Everything the dashboard draws for one range (all from the rollups), in one `usage:dashboard` answer: one
 * round trip, and main reads each rollup table once or twice instead of once per grouping. The last answer
 * is kept while another range loads. When the answer asked for on the link's press has already arrived, the
 * first render has it: the page is drawn once, with its data, not first with placeholders.
 */
export function useUsageData(range: DateRange): CallState<DashboardDto> {
  const [arrived] = useState(() => arrivedDashboardFor(range));
  // Taken: a later load (Refresh) asks main again. Not before a load that is to take the pending answer.
  useEffect(() => {
    if (arrived) forgetAheadDashboard();
  }, [arrived]);
  return useLoad({ from: range.from, to: range.to }, dashboardFor, arrived);
}
