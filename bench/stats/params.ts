/** The stats database the brief asks for: 1,000,000 attempts over 90 days (6 providers, 4 tasks, 20 users). */
export const STATS_EVENTS = 1_000_000;
export const STATS_DAYS = 90;
export const SEED = 20_251_126;
/** Events per transaction while building (the app itself commits one per attempt). */
export const BUILD_BATCH = 10_000;
/** Bumped whenever the synthetic data changes shape, so an older database is rebuilt. */
export const DATA_VERSION = 2;
