import type { Sqlite } from '../../../src-main/db/client';

export function integrity(sqlite: Sqlite): string {
  return (sqlite.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
}

/** Event count and the calls counted by each rollup: equal when every event and its rollups committed together. */
export function rollupTotals(sqlite: Sqlite): {
  events: number;
  daily: number;
  hourly: number;
  hourTotals: number;
  /** Calls in the per-dimension daily rollups: each event counts once per dimension (4). */
  perDimension: number;
} {
  const n = (sql: string): number => Number(sqlite.prepare(sql).pluck().get() ?? 0);
  return {
    events: n('SELECT count(*) FROM usage_events'),
    daily: n('SELECT coalesce(sum(calls), 0) FROM usage_daily'),
    hourly: n('SELECT coalesce(sum(calls), 0) FROM usage_hourly'),
    hourTotals: n('SELECT coalesce(sum(calls), 0) FROM usage_hour_totals'),
    perDimension: n('SELECT coalesce(sum(calls), 0) FROM usage_daily_by_dimension'),
  };
}
