import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/client';
import { localDayStartsOfMonth, startOfLocalDay } from './periods';

/** What a provider config or a user used in the local day and month of a moment: input + output tokens, and cost. */
export interface PeriodUsage {
  dayTokens: number;
  dayCostMicros: number;
  monthTokens: number;
  monthCostMicros: number;
}

/** A month has at most 31 local days: shorter months repeat their last day (an IN list ignores repeats). */
const MONTH_DAYS = 31;

/**
 * One subject's use today and this month from a daily rollup with local-day buckets (the rows and day boundaries
 * `usage stats` reads): `rows` names the table and any fixed filter, `subject` the column holding the subject.
 * Tokens are input + output (cached input is part of input), as the Usage page counts them.
 */
export class PeriodUsageReader {
  private readonly read: Statement;

  constructor(store: DatabaseHandle, rows: { table: string; filter?: string; subject: string }) {
    // One equality seek per day on the primary key's bucket_start prefix, then the subject's rows only.
    this.read = store.sqlite.prepare(`
      SELECT
        coalesce(sum(CASE WHEN bucket_start = ? THEN input_tokens + output_tokens END), 0),
        coalesce(sum(CASE WHEN bucket_start = ? THEN cost_micros END), 0),
        coalesce(sum(input_tokens + output_tokens), 0),
        coalesce(sum(cost_micros), 0)
      FROM ${rows.table}
      WHERE ${rows.filter ? `${rows.filter} AND ` : ''}bucket_start IN (${Array.from({ length: MONTH_DAYS }, () => '?').join(', ')})
        AND ${rows.subject} = ?`);
    this.read.raw();
  }

  of(subjectId: string, now: number): PeriodUsage {
    const day = startOfLocalDay(now);
    const days = localDayStartsOfMonth(now);
    const padded = Array.from({ length: MONTH_DAYS }, (_, i) => days[Math.min(i, days.length - 1)]);
    const [dayTokens, dayCostMicros, monthTokens, monthCostMicros] = this.read.get(day, day, ...padded, subjectId) as [
      number,
      number,
      number,
      number,
    ];
    return { dayTokens, dayCostMicros, monthTokens, monthCostMicros };
  }
}

/** A provider config's use, from `usage_daily`, whether or not the config has a limit. */
export const configUsageReader = (store: DatabaseHandle): PeriodUsageReader =>
  new PeriodUsageReader(store, { table: 'usage_daily', subject: 'config_id' });

/** A user's use, from the per-user daily rollups (`usage_daily_by_dimension`, dimension `user`). */
export const userUsageReader = (store: DatabaseHandle): PeriodUsageReader =>
  new PeriodUsageReader(store, { table: 'usage_daily_by_dimension', filter: "dimension = 'user'", subject: 'value' });
