import type { Clock } from '../clock';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { RawUsageEvents } from '../usage/raw-events';
import type { UsageStats } from '../usage/stats';

export interface UsageHandlerServices {
  stats: UsageStats;
  usageEvents: RawUsageEvents;
  clock: Clock;
}

/** `usage:*`: rollup statistics, the dashboard, the latest raw events and their export. */
export function usageHandlers({
  stats,
  usageEvents,
  clock,
}: UsageHandlerServices): FeatureHandlers<DomainChannel<'usage'>> {
  return {
    'usage:stats': ({ from, to, by }) => stats.query({ from, to }, by),
    'usage:dashboard': ({ from, to }) => stats.dashboard({ from, to }),
    'usage:events': ({ limit }) => usageEvents.latest(limit),
    'usage:export': ({ format, from, to }) => ({
      filename: `aditus-usage-${new Date(clock.now()).toISOString().slice(0, 10)}.${format}`,
      content: usageEvents.export(format, from, to),
    }),
  };
}
