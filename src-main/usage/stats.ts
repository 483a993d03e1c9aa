import type { GROUP_BYS } from '../../src-preload/contract';
import type { DatabaseHandle } from '../db/client';
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

const GROUP_SQL: Record<GroupBy, { table: 'usage_daily' | 'usage_hourly'; key: string; series?: string }> = {
  provider: { table: 'usage_daily', key: 'provider_name' },
  task: { table: 'usage_daily', key: 'task' },
  model: { table: 'usage_daily', key: 'model' },
  day: { table: 'usage_daily', key: 'bucket_start' },
  user: { table: 'usage_daily', key: 'user_id' },
  hour: { table: 'usage_hourly', key: 'bucket_start' },
  // Read per hour like `hour`, then folded into the 24 local hours (see foldHoursOfDay).
  hour_of_day: { table: 'usage_hourly', key: 'bucket_start' },
  provider_day: { table: 'usage_daily', key: 'bucket_start', series: 'provider_name' },
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

/** Hourly groups → one group per local hour of the day ("00"–"23") that had any rollup row. */
function foldHoursOfDay(hours: readonly Group[]): Group[] {
  const slots = new Map<number, Sums>();
  for (const { key, sums } of hours) {
    const hour = new Date(Number(key)).getHours();
    const slot = slots.get(hour);
    if (slot) addSums(slot, sums);
    else slots.set(hour, addSums(emptySums(), sums));
  }
  return [...slots].sort(([a], [b]) => a - b).map(([hour, sums]) => ({ key: hourOfDayKey(hour), sums }));
}

/** Dashboard queries over the rollups only (never the raw events). Range: [from, to) in ms. */
export class UsageStats {
  constructor(private readonly store: DatabaseHandle) {}

  query(range: { from: number; to: number }, by: GroupBy): StatsResult {
    const from = startOfLocalDay(range.from);
    const g = GROUP_SQL[by];
    const hourly = g.table === 'usage_hourly';
    const groupCols = g.series ? `${g.key}, ${g.series}` : g.key;
    const keyCount = g.series ? 2 : 1;
    const raws = this.store.sqlite
      .prepare(
        `SELECT ${groupCols}, ${SUMS_SQL} FROM ${g.table}
         WHERE bucket_start >= ? AND bucket_start < ? GROUP BY ${groupCols} ORDER BY ${groupCols}`,
      )
      .raw()
      .all(hourly ? range.from : from, range.to) as RawRow[];
    const read = raws.map((r): Group => {
      const group: Group = { key: String(r[0]), sums: readSums(r, keyCount) };
      if (g.series) group.series = String(r[1]);
      return group;
    });
    const groups = by === 'hour_of_day' ? foldHoursOfDay(read) : read;
    // Groupings that partition exactly the events the totals cover are added up instead of scanned again.
    const totals =
      !hourly || (range.from === from && wholeHours(from, range.to))
        ? groups.reduce((total, group) => addSums(total, group.sums), emptySums())
        : readSums(
            this.store.sqlite
              .prepare(`SELECT ${SUMS_SQL} FROM usage_daily WHERE bucket_start >= ? AND bucket_start < ?`)
              .raw()
              .get(from, range.to) as RawRow,
            0,
          );
    return {
      from,
      to: range.to,
      totals: toRow(totals, 'total'),
      groups: groups.map((group) => toRow(group.sums, group.key, group.series)),
    };
  }
}
