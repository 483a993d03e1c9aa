import type { Database, Statement } from 'better-sqlite3';
import { monthWindowStartSql, nextMonthWindowSql } from './month-windows';
import { JSON_LIST_SQL, JSON_ROW_SQL } from './stats-sums';

/** One of a window's lists, as jsonRowsSql gives it for the window's hourly totals. */
const windowList = (list: string): string => `(SELECT ${list} FROM (
    SELECT ${JSON_ROW_SQL}, bucket_start AS key FROM usage_hour_totals
    WHERE bucket_start >= w.start AND bucket_start < ${nextMonthWindowSql('w.start')} ORDER BY bucket_start))`;

/**
 * (Re)writes the block of every month window with an hourly total in [@from, @to) from all of the window's
 * hours (not only those in the range). The seal runs it for the windows it seals, the group commit for a
 * sealed window an event arrived late for, and the backfill migration (0021) for every sealed window.
 */
export const HOUR_BLOCKS_SQL = `INSERT OR REPLACE INTO usage_hour_blocks (window_start, sums, error_classes, keys)
  SELECT w.start, ${windowList(JSON_LIST_SQL.sums)}, ${windowList(JSON_LIST_SQL.errorClasses)},
    ${windowList(JSON_LIST_SQL.keys)}
  FROM (SELECT DISTINCT ${monthWindowStartSql('bucket_start')} AS start FROM usage_hour_totals
    WHERE bucket_start >= @from AND bucket_start < @to) w`;

/** The blocks of the windows starting in [@from, @to), in order, as jsonRowsSql rows. */
export const READ_HOUR_BLOCKS_SQL = `SELECT sums, error_classes, keys FROM usage_hour_blocks
  WHERE window_start >= @from AND window_start < @to ORDER BY window_start`;

/** Writes the blocks of the windows with hours in a range; prepared on first use (readers never write). */
export class HourBlocks {
  private write: Statement | null = null;

  constructor(private readonly sqlite: Database) {}

  /** Inside the caller's transaction: the blocks of the windows with hourly totals in [from, to). */
  build(from: number, to: number): void {
    this.write ??= this.sqlite.prepare(HOUR_BLOCKS_SQL);
    this.write.run({ from, to });
  }
}
