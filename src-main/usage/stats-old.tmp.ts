import type { GROUP_BYS } from '@contract';
import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/client';
import type { UsageDimension } from '../db/schema/usage';
import { startOfLocalDay } from './periods';
import { addSums, emptySums, readSums, SUMS_SQL, toRow, type StatsRow, type Sums } from './stats-sums';

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
}

const BY_DIMENSION = 'usage_daily_by_dimension';

const GROUP_SQL: Record<GroupBy, GroupSource> = {
  provider: { table: BY_DIMENSION, dimension: 'provider', key: 'value' },
  task: { table: BY_DIMENSION, dimension: 'task', key: 'value' },
  model: { table: BY_DIMENSION, dimension: 'model', key: 'value' },
  user: { table: BY_DIMENSION, dimension: 'user', key: 'value' },
  // Every event has one provider: a day's provider rows add up to the whole day.
  day: { table: BY_DIMENSION, dimension: 'provider', key: 'bucket_start' },
  hour: { table: 'usage_hour_totals', key: 'bucket_start' },
  // Folded into the 24 local hours by SQLite, one statement per stretch of one UTC offset (hoursOfDay).
  hour_of_day: { table: 'usage_hour_totals', key: 'bucket_start' },
  provider_day: { table: BY_DIMENSION, dimension: 'provider', key: 'bucket_start', series: 'value' },
};

type RawRow = readonly unknown[];

interface Group {
  key: string;
  series?: string;
  sums: Sums;
}

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
    if (sums) addSums(sums, g.sums);
    else folded.set(key, addSums(emptySums(), g.sums));
  }
  return [...folded].sort(([a], [b]) => order(a, b)).map(([key, sums]): Group => ({ key, sums }));
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

const sumGroups = (groups: readonly Group[]): Sums => groups.reduce((total, g) => addSums(total, g.sums), emptySums());

const toRows = (groups: readonly Group[]): StatsRow[] => groups.map((g) => toRow(g.sums, g.key, g.series));

/** Dashboard queries over the rollups only (never the raw events). Range: [from, to) in ms. */
export class UsageStats {
  /** Prepared once per SQL text (a grouping's, or the totals'). */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly store: DatabaseHandle) {}

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.store.sqlite.prepare(sql).raw();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  query(range: { from: number; to: number }, by: GroupBy): StatsResult {
    const from = startOfLocalDay(range.from);
    const hourly = GROUP_SQL[by].table === 'usage_hour_totals';
    const groups =
      by === 'hour_of_day'
        ? this.hoursOfDay(range.from, range.to)
        : this.readGroups(by, hourly ? range.from : from, range.to);
    // Groupings that partition exactly the events the totals cover are added up instead of scanned again.
    const totals =
      !hourly || (range.from === from && wholeHours(from, range.to))
        ? sumGroups(groups)
        : readSums(
            this.statement(
              `SELECT ${SUMS_SQL} FROM ${BY_DIMENSION}
               WHERE dimension = 'provider' AND bucket_start >= ? AND bucket_start < ?`,
            ).get(from, range.to) as RawRow,
            0,
          );
    return { from, to: range.to, totals: toRow(totals, 'total'), groups: toRows(groups) };
  }

  /** The Usage page's groupings in one call, the same rows `query` gives for each; day is folded from provider_day. */
  dashboard(range: { from: number; to: number }): DashboardResult {
    const from = startOfLocalDay(range.from);
    const providerDays = this.readGroups('provider_day', from, range.to);
    const totals = sumGroups(providerDays);
    const byNumber = (a: string, b: string): number => Number(a) - Number(b);
    return {
      from,
      to: range.to,
      totals: toRow(totals, 'total'),
      byProvider: toRows(foldGroups(providerDays, (g) => g.series ?? '', binaryOrder)),
      byProviderDay: toRows(providerDays),
      byDay: toRows(foldGroups(providerDays, (g) => g.key, byNumber)),
      byTask: toRows(this.readGroups('task', from, range.to)),
      byUser: toRows(this.readGroups('user', from, range.to)),
      byHourOfDay: toRows(this.hoursOfDay(range.from, range.to)),
    };
  }

  /**
   * One group per local hour of the day ("00"–"23") that had any hourly rollup row in [from, to), summed by
   * SQLite per stretch of one UTC offset (a few dozen rows come back instead of one per hour of the range).
   */
  private hoursOfDay(from: number, to: number): Group[] {
    const statement = this.statement(
      `SELECT (bucket_start + CAST(@offset AS INTEGER)) / ${HOUR_MS} % 24, ${SUMS_SQL} FROM usage_hour_totals
       WHERE bucket_start >= @from AND bucket_start < @to GROUP BY 1`,
    );
    const perStretch = offsetStretches(from, to).flatMap(({ from: start, to: end, offsetMs }) =>
      (statement.all({ offset: offsetMs, from: start, to: end }) as RawRow[]).map((r): Group => ({
        key: hourOfDayKey(Number(r[0])),
        sums: readSums(r, 1),
      })),
    );
    return foldGroups(perStretch, (g) => g.key, binaryOrder);
  }

  /** One grouping's rollup groups over [from, to), in key order (not hour_of_day: see hoursOfDay). */
  private readGroups(by: GroupBy, from: number, to: number): Group[] {
    const g = GROUP_SQL[by];
    const groupCols = g.series ? `${g.key}, ${g.series}` : g.key;
    const raws = this.statement(
      `SELECT ${groupCols}, ${SUMS_SQL} FROM ${g.table}
       WHERE ${g.dimension ? 'dimension = @dimension AND ' : ''}bucket_start >= @from AND bucket_start < @to
       GROUP BY ${groupCols} ORDER BY ${groupCols}`,
    ).all({ from, to, ...(g.dimension ? { dimension: g.dimension } : {}) }) as RawRow[];
    const withSeries = g.series !== undefined;
    return raws.map((r): Group => {
      const group: Group = { key: String(r[0]), sums: readSums(r, withSeries ? 2 : 1) };
      if (withSeries) group.series = String(r[1]);
      return group;
    });
  }
}
