import type { Database, Statement } from 'better-sqlite3';
import type { UsageBlockGrouping } from '../db/schema/usage';
import { monthWindowStartSql, nextMonthWindow, nextMonthWindowSql } from './month-windows';
import { WindowBlocks } from './window-blocks';
import { ADDITIVE_COLUMNS } from './rollup-columns';

const MONTHLY = 'usage_monthly_by_dimension';
const COLUMNS = ADDITIVE_COLUMNS.join(', ');
const SUMS = ADDITIVE_COLUMNS.map((c) => `sum(${c})`).join(', ');
const utcHourSql = (ms: string): string => `printf('%02d', ${ms} / 3600000 % 24)`;

/** The error classes of a monthly row merged from the finer rows (`rows`, aliased f) of its window. */
const mergedErrorClasses = (rows: string, match: string): string => `(
  SELECT coalesce(json_group_object(key, n), '{}') FROM (
    SELECT e.key AS key, sum(e.value) AS n FROM ${rows} f, json_each(f.error_classes) e
    WHERE f.bucket_start >= ${MONTHLY}.bucket_start AND f.bucket_start < ${nextMonthWindowSql(`${MONTHLY}.bucket_start`)}
      AND ${match}
    GROUP BY e.key))`;

/**
 * Fills the monthly rollups of the windows starting in [@from, @to) (none has rows yet) from the daily
 * per-dimension rows and the hourly totals, and marks the windows before @to sealed. The backfill
 * migration (0019) runs the same statements.
 */
export const SEAL_SQL: readonly string[] = [
  `INSERT INTO ${MONTHLY} (dimension, bucket_start, value, ${COLUMNS}, error_classes)
   SELECT dimension, ${monthWindowStartSql('bucket_start')}, value, ${SUMS}, '{}' FROM usage_daily_by_dimension
   WHERE bucket_start >= @from AND bucket_start < @to GROUP BY 1, 2, 3`,
  `INSERT INTO ${MONTHLY} (dimension, bucket_start, value, ${COLUMNS}, error_classes)
   SELECT 'utc_hour', ${monthWindowStartSql('bucket_start')}, ${utcHourSql('bucket_start')}, ${SUMS}, '{}'
   FROM usage_hour_totals WHERE bucket_start >= @from AND bucket_start < @to GROUP BY 2, 3`,
  `UPDATE ${MONTHLY} SET error_classes = ${mergedErrorClasses(
    'usage_daily_by_dimension',
    `f.dimension = ${MONTHLY}.dimension AND f.value = ${MONTHLY}.value`,
  )}
   WHERE dimension <> 'utc_hour' AND bucket_start >= @from AND bucket_start < @to`,
  `UPDATE ${MONTHLY} SET error_classes = ${mergedErrorClasses(
    'usage_hour_totals',
    `${utcHourSql('f.bucket_start')} = ${MONTHLY}.value`,
  )}
   WHERE dimension = 'utc_hour' AND bucket_start >= @from AND bucket_start < @to`,
  `INSERT INTO usage_monthly_sealed (id, window_end) VALUES (1, @to)
   ON CONFLICT (id) DO UPDATE SET window_end = excluded.window_end`,
];

/** Reads how far the monthly rollups are sealed, and seals further windows. */
export class MonthlySeal {
  private readonly readEnd: Statement;
  /** Prepared on the first seal: a reader (the stats) only ever reads the end. */
  private seal: Statement[] | null = null;

  private readonly blocks: WindowBlocks;

  constructor(private readonly sqlite: Database) {
    this.readEnd = sqlite.prepare('SELECT window_end FROM usage_monthly_sealed WHERE id = 1').pluck();
    this.blocks = new WindowBlocks(sqlite);
  }

  /** The start of the first window without monthly rows (every window before it has them); null: none has. */
  end(): number | null {
    return (this.readEnd.get() as number | undefined) ?? null;
  }

  /**
   * Inside the caller's transaction, before it adds its events to the rollups: seals every window before
   * `windowStart` not sealed yet, from the rows already written (its monthly rows and its window blocks). Gives
   * the new end.
   */
  sealBefore(windowStart: number): number {
    const end = this.end();
    if (end !== null && end >= windowStart) return end;
    const range = { from: end ?? Number.MIN_SAFE_INTEGER, to: windowStart };
    this.seal ??= SEAL_SQL.map((sql) => this.sqlite.prepare(sql));
    for (const statement of this.seal) statement.run(range);
    this.blocks.build(range.from, range.to);
    return windowStart;
  }

  /**
   * Inside the caller's transaction, once events that arrived late for a sealed window are in its rollups: the
   * window's blocks of the groupings whose rows they changed.
   */
  addedLate(windowStart: number, groupings: readonly UsageBlockGrouping[]): void {
    this.blocks.build(windowStart, nextMonthWindow(windowStart), groupings);
  }
}
