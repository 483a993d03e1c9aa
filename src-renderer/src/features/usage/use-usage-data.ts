import type { StatsDto } from '../../../../src-preload/contract';
import { useCall } from '../../lib/use-call';
import type { DateRange } from './date-range';

export interface UsageData {
  byProvider: StatsDto | null;
  byProviderDay: StatsDto | null;
  byDay: StatsDto | null;
  byTask: StatsDto | null;
  byHourOfDay: StatsDto | null;
  byUser: StatsDto | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * Every `usage:stats` grouping the dashboard draws, for one range (all from the rollups), asked for in
 * parallel. Each lands on its own, so a chart is drawn while the main process still answers the others.
 */
export function useUsageData(range: DateRange): UsageData {
  const q = { from: range.from, to: range.to };
  const byProvider = useCall('usage:stats', { ...q, by: 'provider' });
  const byProviderDay = useCall('usage:stats', { ...q, by: 'provider_day' });
  const byDay = useCall('usage:stats', { ...q, by: 'day' });
  const byTask = useCall('usage:stats', { ...q, by: 'task' });
  const byHourOfDay = useCall('usage:stats', { ...q, by: 'hour_of_day' });
  const byUser = useCall('usage:stats', { ...q, by: 'user' });
  const all = [byProvider, byProviderDay, byDay, byTask, byHourOfDay, byUser];
  return {
    byProvider: byProvider.data,
    byProviderDay: byProviderDay.data,
    byDay: byDay.data,
    byTask: byTask.data,
    byHourOfDay: byHourOfDay.data,
    byUser: byUser.data,
    loading: all.some((c) => c.loading),
    error: all.find((c) => c.error)?.error ?? null,
    reload: () => all.forEach((c) => c.reload()),
  };
}
