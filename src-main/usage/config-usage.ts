import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/client';
import { localDayStartsOfMonth, startOfLocalDay } from './periods';

/** What a provider config used in the local day and month of a moment: input + output tokens, and cost. */
export interface PeriodUsage {
  dayTokens: number;
  dayCostMicros: number;
  monthTokens: number;
  monthCostMicros: number;
}

/** A month has at most 31 local days: shorter months repeat their last day (an IN list ignores repeats). */
const MONTH_DAYS = 31;

/**
 * A config's use today and this month, read from the daily rollups (`usage_daily`, local-day buckets): the
 * same rows and day boundaries `usage stats` reads, whether or not the config has a limit. Tokens are
 * input + output (cached input is part of input), as the Usage page counts them.
 */
export class ConfigUsage {
  private readonly read: Statement;

  constructor(store: DatabaseHandle) {
    // One equality seek per day on the primary key's (bucket_start, config_id) prefix: only this config's rows.
    this.read = store.sqlite.prepare(`
      SELECT
        coalesce(sum(CASE WHEN bucket_start = ? THEN input_tokens + output_tokens END), 0),
        coalesce(sum(CASE WHEN bucket_start = ? THEN cost_micros END), 0),
        coalesce(sum(input_tokens + output_tokens), 0),
        coalesce(sum(cost_micros), 0)
      FROM usage_daily
      WHERE bucket_start IN (${Array.from({ length: MONTH_DAYS }, () => '?').join(', ')}) AND config_id = ?`);
    this.read.raw();
  }

  of(configId: string, now: number): PeriodUsage {
    const day = startOfLocalDay(now);
    const days = localDayStartsOfMonth(now);
    const padded = Array.from({ length: MONTH_DAYS }, (_, i) => days[Math.min(i, days.length - 1)]);
    const [dayTokens, dayCostMicros, monthTokens, monthCostMicros] = this.read.get(day, day, ...padded, configId) as [
      number,
      number,
      number,
      number,
    ];
    return { dayTokens, dayCostMicros, monthTokens, monthCostMicros };
  }
}
