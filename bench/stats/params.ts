/** The stats database by default: 1,000,000 attempts over 90 days (6 providers, 4 tasks, 20 users). */
export const STATS_EVENTS = 1_000_000;
export const STATS_DAYS = 90;
/** The scale section's database: issue #20's 10,000,000 events over 400 days. */
export const SCALE_SIZE = { events: 10_000_000, days: 400 } as const;
export const SEED = 20_251_126;
/**
 * Events per transaction while building, written as one group commit writes them (each rollup row once per
 * batch); the app itself commits the events of up to 50 ms together.
 */
export const BUILD_BATCH = 50_000;
/** Bumped whenever the synthetic data changes shape, so an older database is rebuilt. */
export const DATA_VERSION = 2;

/** The size of the synthetic ledger: how many attempts, spread over how many days before the build. */
export interface StatsSize {
  events: number;
  days: number;
}

/** "1m" for 1,000,000, "10m" for 10,000,000, "250k" for 250,000, else the number. */
export function eventsLabel(events: number): string {
  if (events % 1_000_000 === 0) return `${events / 1_000_000}m`;
  if (events % 1_000 === 0) return `${events / 1_000}k`;
  return String(events);
}

/** The folder name of a size's database: `stats-1m` (the default, as before), `stats-10m-400d`. */
export function statsDirName(size: StatsSize): string {
  return size.days === STATS_DAYS
    ? `stats-${eventsLabel(size.events)}`
    : `stats-${eventsLabel(size.events)}-${size.days}d`;
}
