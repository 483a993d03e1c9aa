import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/client';
import type { PeriodUsage } from './config-usage';
import { localDayStartsOfMonth, startOfLocalDay } from './periods';

const MONTH_DAYS = 31;

/**
 * A user's use today and this month, read from the per-user daily rollups (`usage_daily_by_dimension`,
 * dimension `user`, local-day buckets): the rows and day boundaries `usage stats --by user` reads. Tokens are
 * input + output, as for provider budgets.
 */
export class UserUsage {
  private readonly read: Statement;

  constructor(store: DatabaseHandle) {
    this.read = store.sqlite.prepare(`
      SELECT
        coalesce(sum(CASE WHEN bucket_start = ? THEN input_tokens + output_tokens END), 0),
        coalesce(sum(CASE WHEN bucket_start = ? THEN cost_micros END), 0),
        coalesce(sum(input_tokens + output_tokens), 0),
        coalesce(sum(cost_micros), 0)
      FROM usage_daily_by_dimension
      WHERE dimension = 'user' AND bucket_start IN (${Array.from({ length: MONTH_DAYS }, () => '?').join(', ')})
        AND value = ?`);
    this.read.raw();
  }

  of(userName: string, now: number): PeriodUsage {
    const day = startOfLocalDay(now);
    const days = localDayStartsOfMonth(now);
    const padded = Array.from({ length: MONTH_DAYS }, (_, i) => days[Math.min(i, days.length - 1)]);
    const [dayTokens, dayCostMicros, monthTokens, monthCostMicros] = this.read.get(day, day, ...padded, userName) as [
      number,
      number,
      number,
      number,
    ];
    return { dayTokens, dayCostMicros, monthTokens, monthCostMicros };
  }
}
