import type { GROUP_BYS } from '@contract';
import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/client';
import type { UsageBlockGrouping, UsageDimension, UsageMonthlyDimension } from '../db/schema/usage';
import { nextMonthWindow, wholeWindows } from './month-windows';
import { MonthlySeal } from './monthly-rollups';
import { startOfLocalDay } from './periods';
import { BLOCK_SOURCES, READ_WINDOW_BLOCKS_SQL } from './window-blocks';
import {
  addSums,
  emptySums,
  joinJsonRows,
  jsonRowsSql,
  readJsonRows,
  readSums,
  SUMMED_COLUMNS_SQL,
  SUMS_SQL,
  toRow,
  type KeyedSums,
  type StatsRow,
  type Sums,
} from './stats-sums';

export type { StatsRow } from './stats-sums';

export type GroupBy = (typeof GROUP_BYS)[number];

export interface StatsResult {
  from: number;
  to: number;
  totals: StatsRow;
  groups: StatsRow[];
}

/** Everything the Usage page draws for one range: the groups of each grouping it shows, as `query` gives them. */
export interface DashboardResult {
  from: number;
  to: number;
  totals: StatsRow;
  byProvider: StatsRow[];
  byProviderDay: StatsRow[];
  byDay: StatsRow[];
  byTask: StatsRow[];
  byUser: StatsRow[];
  byHourOfDay: StatsRow[];
}

/** Where a grouping reads: a rollup table (one dimension of the per-dimension daily one), its key and series. */
interface GroupSource {
  table: 'usage_daily_by_dimension' | 'usage_hour_totals';
  dimension?: UsageDimension;
  key: string;
  series?: string;
  /** The key (and series) is the table's whole key within the dimension: each group is one row. */
  oneRowEach?: boolean;
  /** Its sealed month windows' rows are kept as blocks too (usage/window-blocks.ts). */
  blocks?: UsageBlockGrouping;
}

const BY_DIMENSION = 'usage_daily_by_dimension';
const MONTHLY = 'usage_monthly_by_dimension';

const GROUP_SQL: Record<GroupBy, GroupSource> = {
  provider: { table: BY_DIMENSION, dimension: 'provider', key: 'value' },
  task: { table: BY_DIMENSION, dimension: 'task', key: 'value' },
  model: { table: BY_DIMENSION, dimension: 'model', key: 'value' },
  user: { table: BY_DIMENSION, dimension: 'user', key: 'value' },
  // Every event has one provider: a day's provider rows add up to the whole day (folded from provider_day: daysOf).
  day: { table: BY_DIMENSION, dimension: 'provider', key: 'bucket_start' },
  hour: { ...BLOCK_SOURCES.hour, oneRowEach: true, blocks: 'hour' },
  // Folded into the 24 local hours by SQLite, one statement per stretch of one UTC offset (hoursOfDay).
  hour_of_day: { table: 'usage_hour_totals', key: 'bucket_start' },
  provider_day: { ...BLOCK_SOURCES.provider_day, oneRowEach: true, blocks: 'provider_day' },
};

type RawRow = readonly unknown[];

type Group = KeyedSums;

const HOUR_MS = 3_600_000;

/**
 * Whole local days on hour boundaries (the Usage page's ranges, in whole-hour time zones): the hourly
 * rollups then hold exactly the events of the daily ones over [from, to).
 */
const wholeHours = (from: number, to: number): boolean =>
  from % HOUR_MS === 0 && to % HOUR_MS === 0 && startOfLocalDay(to) === to;

const hourOfDayKey = (hour: number): string => String(hour).padStart(2, '0');

/** Text keys in SQLite's BINARY order (UTF-8 bytes), the order `ORDER BY` gives them. */
const binaryOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Groups folded into coarser ones (`keyOf` of each), in `order` of their keys. */
function foldGroups(groups: readonly Group[], keyOf: (g: Group) => string, order: (a: string, b: string) => number) {
  const folded = new Map<string, Sums>();
  for (const g of groups) {
    const key = keyOf(g);
    const sums = folded.get(key);
    if (sums) addSums(sums, g);
    else folded.set(key, addSums(emptySums(), g));
  }
  return [...folded].sort(([a], [b]) => order(a, b)).map(([key, sums]): Group => ({ key, ...sums }));
}

/** Local time minus UTC at `ms`, in ms. */
const utcOffsetAt = (ms: number): number => -new Date(ms).getTimezoneOffset() * 60_000;

/** A UTC offset changes at most once in this long (daylight saving moves twice a year). */
const OFFSET_PROBE_MS = 12 * HOUR_MS;

/**
 * The hour buckets in [from, to) cut into stretches of one UTC offset (daylight saving changes it), each
 * with that offset: within one, a bucket's local hour of the day is (bucket + offset) / 1 h mod 24.
 */
export function offsetStretches(from: number, to: number): { from: number; to: number; offsetMs: number }[] {
  const first = Math.ceil(from / HOUR_MS) * HOUR_MS;
  const last = Math.ceil(to / HOUR_MS) * HOUR_MS - HOUR_MS;
  if (first > last) return [];
  const stretches: { from: number; to: number; offsetMs: number }[] = [];
  let start = first;
  let offset = utcOffsetAt(first);
  for (let lo = first; lo < last;) {
    const hi = Math.min(lo + OFFSET_PROBE_MS, last);
    if (utcOffsetAt(hi) === offset) {
      lo = hi;
      continue;
    }
    // The first bucket in (lo, hi] with the new offset.
    let a = lo;
    let b = hi;
    while (b - a > HOUR_MS) {
      const mid = a + Math.floor((b - a) / 2 / HOUR_MS) * HOUR_MS;
      if (utcOffsetAt(mid) === offset) a = mid;
      else b = mid;
    }
    stretches.push({ from: start, to: b, offsetMs: offset });
    start = b;
    offset = utcOffsetAt(b);
    lo = b;
  }
  stretches.push({ from: start, to, offsetMs: offset });
  return stretches;
}

/**
 * A dimension's rows over [@from, @to) as a subquery: those of the whole month windows inside (@windowsFrom to
 * @windowsTo) from the monthly rollups, the days (for utc_hour, the hours) before and after them from the
 * finer rollup. The same rows as the finer rollup's alone, a few hundred instead of thousands over a year.
 */
function windowedRowsSql(dimension: UsageMonthlyDimension): string {
  const finer =
    dimension === 'utc_hour'
      ? `SELECT NULL AS value, ${SUMMED_COLUMNS_SQL} FROM usage_hour_totals WHERE`
      : `SELECT value, ${SUMMED_COLUMNS_SQL} FROM ${BY_DIMENSION} WHERE dimension = @dimension AND`;
  return `(SELECT value, ${SUMMED_COLUMNS_SQL} FROM ${MONTHLY}
      WHERE dimension = @dimension AND bucket_start >= @windowsFrom AND bucket_start < @windowsTo
    UNION ALL ${finer} bucket_start >= @from AND bucket_start < @windowsFrom
    UNION ALL ${finer} bucket_start >= @windowsTo AND bucket_start < @to)`;
}

/** The whole sealed month windows inside [from, to), or null (see MonthlySeal). */
function sealedWindows(from: number, to: number, sealedEnd: number | null): { from: number; to: number } | null {
  return sealedEnd === null ? null : wholeWindows(from, Math.min(to, sealedEnd));
}

/**
 * windowedRowsSql's parameters for [from, to): its whole sealed windows (none: an empty one at `to`, every
 * row from the finer rollup).
 */
function windowedParams(dimension: UsageMonthlyDimension, from: number, to: number, sealedEnd: number | null) {
  const windows = sealedWindows(from, to, sealedEnd) ?? { from: to, to };
  return { dimension, from, to, windowsFrom: windows.from, windowsTo: windows.to };
}

const sumGroups = (groups: readonly Group[]): Sums => groups.reduce((total, g) => addSums(total, g), emptySums());

const toRows = (groups: readonly Group[]): StatsRow[] => groups.map((g) => toRow(g, g.key, g.series));

/** The days of provider_day's groups: each day's provider rows added up, in day order. */
const daysOf = (providerDays: readonly Group[]): Group[] =>
  foldGroups(
    providerDays,
    (g) => g.key,
    (a, b) => Number(a) - Number(b),
  );

/** Dashboard queries over the rollups only (never the raw events). Range: [from, to) in ms. */
export class UsageStats {
  /** Prepared once per SQL text (a grouping's, or the totals'). */
  private readonly statements = new Map<string, Statement>();

  private readonly monthlySeal: MonthlySeal;

  constructor(private readonly store: DatabaseHandle) {
    this.monthlySeal = new MonthlySeal(store.sqlite);
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.store.sqlite.prepare(sql).raw();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Every statement of one answer reads one snapshot (a deferred read transaction): the totals and the rows
   * always agree, even while another process commits events in between.
   */
  private inSnapshot<T>(read: () => T): T {
    return this.store.sqlite.transaction(read).deferred();
  }

  query(range: { from: number; to: number }, by: GroupBy): StatsResult {
    return this.inSnapshot(() => this.queryNow(range, by));
  }

  private queryNow(range: { from: number; to: number }, by: GroupBy): StatsResult {
    const from = startOfLocalDay(range.from);
    const hourly = GROUP_SQL[by].table === 'usage_hour_totals';
    const groups =
      by === 'hour_of_day'
        ? this.hoursOfDay(range.from, range.to)
        : by === 'day'
          ? daysOf(this.readGroups('provider_day', from, range.to))
          : this.readGroups(by, hourly ? range.from : from, range.to);
    // Groupings that partition exactly the events the totals cover are added up instead of scanned again; the
    // hourly ones (up to ~10,000 hours) are summed by SQLite over their month windows and the hours around.
    const totals = !hourly
      ? sumGroups(groups)
      : range.from === from && wholeHours(from, range.to)
        ? this.windowedSums('utc_hour', range.from, range.to)
        : this.windowedSums('provider', from, range.to);
    return { from, to: range.to, totals: toRow(totals, 'total'), groups: toRows(groups) };
  }

  /** The Usage page's groupings in one call, the same rows `query` gives for each; day is folded from provider_day. */
  dashboard(range: { from: number; to: number }): DashboardResult {
    return this.inSnapshot(() => this.dashboardNow(range));
  }

  private dashboardNow(range: { from: number; to: number }): DashboardResult {
    const from = startOfLocalDay(range.from);
    const providerDays = this.readGroups('provider_day', from, range.to);
    const totals = sumGroups(providerDays);
    return {
      from,
      to: range.to,
      totals: toRow(totals, 'total'),
      byProvider: toRows(foldGroups(providerDays, (g) => g.series ?? '', binaryOrder)),
      byProviderDay: toRows(providerDays),
      byDay: toRows(daysOf(providerDays)),
      byTask: toRows(this.readGroups('task', from, range.to)),
      byUser: toRows(this.readGroups('user', from, range.to)),
      byHourOfDay: toRows(this.hoursOfDay(range.from, range.to)),
    };
  }

  /**
   * One group per local hour of the day ("00"–"23") that had any hourly rollup row in [from, to), summed by
   * SQLite per stretch of one UTC offset (a few dozen rows come back instead of one per hour of the range):
   * a stretch's whole sealed month windows from the monthly rollups per UTC hour of the day, its other hours from
   * the hourly totals.
   */
  private hoursOfDay(from: number, to: number): Group[] {
    const hourly = this.statement(
      `SELECT (bucket_start + CAST(@offset AS INTEGER)) / ${HOUR_MS} % 24, ${SUMS_SQL} FROM usage_hour_totals
       WHERE bucket_start >= @from AND bucket_start < @to GROUP BY 1`,
    );
    const monthly = this.statement(
      `SELECT value, ${SUMS_SQL} FROM ${MONTHLY}
       WHERE dimension = 'utc_hour' AND bucket_start >= @from AND bucket_start < @to GROUP BY value`,
    );
    const sealedEnd = this.monthlySeal.end();
    const perStretch = offsetStretches(from, to).flatMap(({ from: start, to: end, offsetMs }) => {
      const windows = sealedWindows(start, end, sealedEnd);
      const hourRows = (a: number, b: number): Group[] =>
        a < b
          ? (hourly.all({ offset: offsetMs, from: a, to: b }) as RawRow[]).map((r) => ({
              key: hourOfDayKey(Number(r[0])),
              ...readSums(r, 1),
            }))
          : [];
      if (!windows) return hourRows(start, end);
      const monthRows = (monthly.all(windows) as RawRow[]).map((r): Group => {
        const localHour = Math.floor((Number(r[0]) * HOUR_MS + offsetMs) / HOUR_MS);
        return { key: hourOfDayKey(((localHour % 24) + 24) % 24), ...readSums(r, 1) };
      });
      return [...hourRows(start, windows.from), ...monthRows, ...hourRows(windows.to, end)];
    });
    return foldGroups(perStretch, (g) => g.key, binaryOrder);
  }

  /** The sums of one dimension's rows over [from, to) (see windowedRowsSql). */
  private windowedSums(dimension: UsageMonthlyDimension, from: number, to: number): Sums {
    const sql = `SELECT ${SUMS_SQL} FROM ${windowedRowsSql(dimension)}`;
    const params = windowedParams(dimension, from, to, this.monthlySeal.end());
    return readSums(this.statement(sql).get(params) as RawRow, 0);
  }

  /**
   * One grouping's rollup groups over [from, to), in key order (not hour_of_day: see hoursOfDay). `query` and
   * `dashboard` fold `day` from provider_day (daysOf), which reads the sealed windows' blocks.
   */
  private readGroups(by: GroupBy, from: number, to: number): Group[] {
    const g = GROUP_SQL[by];
    const groupCols = g.series ? `${g.key}, ${g.series}` : g.key;
    const keyCount = g.series ? 2 : 1;
    const where = `${g.dimension ? 'dimension = @dimension AND ' : ''}bucket_start >= @from AND bucket_start < @to`;
    const params = { from, to, ...(g.dimension ? { dimension: g.dimension } : {}) };
    if (g.oneRowEach) {
      const sql = jsonRowsSql(g.key, g.series, g.table, where);
      const withSeries = g.series !== undefined;
      const windows = g.blocks ? sealedWindows(from, to, this.monthlySeal.end()) : null;
      if (!windows) return readJsonRows(this.statement(sql).get(params) as RawRow, withSeries);
      // The whole sealed windows' rows from their blocks, the rows before and after them from the rollup. A
      // window without a block (no rows, or sealed by a version that kept none) is read from the rollup too.
      const blocks = new Map(
        (this.statement(READ_WINDOW_BLOCKS_SQL).all({ grouping: g.blocks, ...windows }) as RawRow[]).map(
          (block) => [Number(block[4]), block] as const,
        ),
      );
      const rows = [this.statement(sql).get({ ...params, to: windows.from }) as RawRow];
      for (let w = windows.from; w < windows.to; w = nextMonthWindow(w))
        rows.push(blocks.get(w) ?? (this.statement(sql).get({ ...params, from: w, to: nextMonthWindow(w) }) as RawRow));
      rows.push(this.statement(sql).get({ ...params, from: windows.to }) as RawRow);
      return readJsonRows(joinJsonRows(rows, withSeries), withSeries);
    }
    // Groupings by value alone read the range's whole month windows from the monthly rollups.
    const raws = (
      g.dimension && g.key === 'value'
        ? this.statement(
            `SELECT value, ${SUMS_SQL} FROM ${windowedRowsSql(g.dimension)} GROUP BY value ORDER BY value`,
          ).all(windowedParams(g.dimension, from, to, this.monthlySeal.end()))
        : this.statement(
            `SELECT ${groupCols}, ${SUMS_SQL} FROM ${g.table} WHERE ${where}
             GROUP BY ${groupCols} ORDER BY ${groupCols}`,
          ).all(params)
    ) as RawRow[];
    return raws.map((r): Group => {
      const group: Group = { key: String(r[0]), ...readSums(r, keyCount) };
      if (g.series) group.series = String(r[1]);
      return group;
    });
  }
}
