import type { Database, Statement } from 'better-sqlite3';
// Types only: the schema's values load drizzle, which no read-only command (`usage stats`) should pay for.
import type { UsageBlockGrouping, UsageDimension } from '../db/schema/usage';
import { monthWindowStartSql, nextMonthWindowSql } from './month-windows';
import { JSON_LIST_SQL, jsonRowsSource } from './stats-sums';

/** Where a block grouping's rows are: a rollup table (its rows of one dimension), their key and series. */
export interface BlockSource {
  table: 'usage_hour_totals' | 'usage_daily_by_dimension';
  dimension?: UsageDimension;
  key: string;
  series?: string;
}

/** The groupings' sources, which their stats queries (usage/stats.ts) read too. */
export const BLOCK_SOURCES: Record<UsageBlockGrouping, BlockSource> = {
  hour: { table: 'usage_hour_totals', key: 'bucket_start' },
  provider_day: { table: 'usage_daily_by_dimension', dimension: 'provider', key: 'bucket_start', series: 'value' },
};

/** One of jsonRowsSql's lists over the rows of window `w.start`, as a correlated subquery. */
function windowList(grouping: UsageBlockGrouping, list: string): string {
  const { table, dimension, key, series } = BLOCK_SOURCES[grouping];
  const inWindow = `bucket_start >= w.start AND bucket_start < ${nextMonthWindowSql('w.start')}`;
  const where = dimension ? `dimension = '${dimension}' AND ${inWindow}` : inWindow;
  return `(SELECT ${list} FROM ${jsonRowsSource(key, series, table, where)})`;
}

/**
 * (Re)writes the `grouping` block of every month window with a row in [@from, @to), from all of the window's
 * rows (not only those in the range). The seal runs it for the windows it seals, the group commit for a sealed
 * window an event arrived late for; the backfill migration (0021) builds the same blocks for every sealed window.
 */
export function windowBlocksSql(grouping: UsageBlockGrouping): string {
  const { table, dimension, series } = BLOCK_SOURCES[grouping];
  const { sums, errorClasses, keys } = JSON_LIST_SQL;
  const lists = [sums, errorClasses, keys].map((list) => windowList(grouping, list));
  const seriesList = series ? windowList(grouping, JSON_LIST_SQL.series) : 'NULL';
  return `INSERT OR REPLACE INTO usage_window_blocks (grouping, window_start, sums, error_classes, keys, series)
  SELECT '${grouping}', w.start, ${lists.join(', ')}, ${seriesList}
  FROM (SELECT DISTINCT ${monthWindowStartSql('bucket_start')} AS start FROM ${table}
    WHERE ${dimension ? `dimension = '${dimension}' AND ` : ''}bucket_start >= @from AND bucket_start < @to) w`;
}

/** A grouping's blocks of the windows starting in [@from, @to), as jsonRowsSql rows and then their window. */
export const READ_WINDOW_BLOCKS_SQL = `SELECT sums, error_classes, keys, series, window_start FROM usage_window_blocks
  WHERE grouping = @grouping AND window_start >= @from AND window_start < @to ORDER BY window_start`;

const GROUPINGS = Object.keys(BLOCK_SOURCES) as UsageBlockGrouping[];

/** Writes the blocks of the windows with rows in a range; each statement prepared on first use (readers never write). */
export class WindowBlocks {
  private readonly write = new Map<UsageBlockGrouping, Statement>();

  constructor(private readonly sqlite: Database) {}

  /** Inside the caller's transaction: the blocks (of `groupings`) of the windows with rows in [from, to). */
  build(from: number, to: number, groupings: readonly UsageBlockGrouping[] = GROUPINGS): void {
    for (const grouping of groupings) {
      let statement = this.write.get(grouping);
      if (!statement) {
        statement = this.sqlite.prepare(windowBlocksSql(grouping));
        this.write.set(grouping, statement);
      }
      statement.run({ from, to });
    }
  }
}
