import type { Database, Statement } from 'better-sqlite3';
import type { UsageBlockGrouping } from '../db/schema/usage';
import { monthWindowStartSql, nextMonthWindowSql } from './month-windows';
import { JSON_LIST_SQL, JSON_ROW_SQL } from './stats-sums';

/** Where a block grouping's rows are: a rollup table (its rows for one dimension), its key and series. */
const SOURCES: Record<UsageBlockGrouping, { table: string; where: string; key: string; series?: string }> = {
  hour: { table: 'usage_hour_totals', where: '', key: 'bucket_start' },
  provider_day: {
    table: 'usage_daily_by_dimension',
    where: "dimension = 'provider' AND",
    key: 'bucket_start',
    series: 'value',
  },
};

/** One of jsonRowsSql's lists over the rows of window `w.start`, as a correlated subquery. */
function windowList(grouping: UsageBlockGrouping, list: string): string {
  const { table, where, key, series } = SOURCES[grouping];
  return `(SELECT ${list} FROM (
    SELECT ${JSON_ROW_SQL}, ${key} AS key${series ? `, json_quote(${series}) AS series` : ''} FROM ${table}
    WHERE ${where} bucket_start >= w.start AND bucket_start < ${nextMonthWindowSql('w.start')}
    ORDER BY ${series ? `${key}, ${series}` : key}))`;
}

/**
 * (Re)writes the `grouping` block of every month window with a row in [@from, @to), from all of the window's
 * rows (not only those in the range). The seal runs it for the windows it seals, the group commit for a sealed
 * window an event arrived late for, and the backfill migration (0021) for every sealed window.
 */
export function windowBlocksSql(grouping: UsageBlockGrouping): string {
  const { table, where, series } = SOURCES[grouping];
  const lists = [JSON_LIST_SQL.sums, JSON_LIST_SQL.errorClasses, JSON_LIST_SQL.keys].map((l) =>
    windowList(grouping, l),
  );
  const seriesList = series ? windowList(grouping, `group_concat(series, ',')`) : 'NULL';
  return `INSERT OR REPLACE INTO usage_window_blocks (grouping, window_start, sums, error_classes, keys, series)
  SELECT '${grouping}', w.start, ${lists.join(', ')}, ${seriesList}
  FROM (SELECT DISTINCT ${monthWindowStartSql('bucket_start')} AS start FROM ${table}
    WHERE ${where} bucket_start >= @from AND bucket_start < @to) w`;
}

/** A grouping's blocks of the windows starting in [@from, @to), as jsonRowsSql rows and then their window. */
export const READ_WINDOW_BLOCKS_SQL = `SELECT sums, error_classes, keys, series, window_start FROM usage_window_blocks
  WHERE grouping = @grouping AND window_start >= @from AND window_start < @to ORDER BY window_start`;

const GROUPINGS = Object.keys(SOURCES) as UsageBlockGrouping[];

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
