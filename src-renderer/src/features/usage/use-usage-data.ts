import type { DashboardDto } from '@contract';
import { useLoad, type CallState } from '../../lib/use-call';
import { dashboardFor } from './dashboard-request';
import type { DateRange } from './date-range';

/**
 * Everything the dashboard draws for one range (all from the rollups), in one `usage:dashboard` answer: one
 * round trip, and main reads each rollup table once or twice instead of once per grouping. The last answer
 * is kept while another range loads.
 */
export function useUsageData(range: DateRange): CallState<DashboardDto> {
  return useLoad({ from: range.from, to: range.to }, dashboardFor);
}
