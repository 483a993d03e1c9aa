import type { GROUP_BYS } from '../../src-preload/contract';
import type { DatabaseHandle } from '../db/client';
import { BUCKET_COLUMNS, percentileFromHistogram } from './latency-buckets';
import { COUNT_COLUMNS } from './rollup-columns';
import { microsToUsd } from './money';
import { startOfLocalDay } from './periods';

export type GroupBy = (typeof GROUP_BYS)[number];

export interface StatsRow {
  key: string;
  /** For provider_day: the provider; the day is `key`. */
  series?: string;
  calls: number;
  errors: number;
  errorRate: number;
  fallbacks: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costUsd: number;
  unpricedCalls: number;
  estimatedCalls: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  errorClasses: Record<string, number>;
}

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
  provider_day: { table: 'usage_daily', key: 'bucket_start', series: 'provider_name' },
};

/** The summed columns are COUNT_COLUMNS then the histogram; rows are read as arrays (thousands per query). */
const SUMS = `${[...COUNT_COLUMNS, ...BUCKET_COLUMNS].map((c) => `sum(${c})`).join(', ')},
  group_concat(CASE WHEN errors > 0 THEN error_classes END, ',')`;

type RawRow = readonly unknown[];

/** One group's sums before they become a DTO row (totals are added up from these). */
interface Sums {
  counts: {
    calls: number;
    errors: number;
    fallbacks: number;
    inputTokens: number;
    outputTokens: number;
    cachedInputTokens: number;
    costMicros: number;
    unpricedCalls: number;
    estimatedCalls: number;
  };
  hist: number[];
  errorClasses: Record<string, number>;
}

/** The sums in `row` from column `offset` on (after the group key columns). */
function sumsOf(row: RawRow, offset: number): Sums {
  const n = (i: number): number => Number(row[offset + i] ?? 0);
  const counts = {
    calls: n(0),
    errors: n(1),
    fallbacks: n(2),
    inputTokens: n(3),
    outputTokens: n(4),
    cachedInputTokens: n(5),
    costMicros: n(6),
    unpricedCalls: n(7),
    estimatedCalls: n(8),
  };
  const hist: number[] = [];
  for (let i = 0; i < BUCKET_COLUMNS.length; i++) hist.push(n(COUNT_COLUMNS.length + i));
  const errorClasses: Record<string, number> = {};
  const list = row[offset + COUNT_COLUMNS.length + BUCKET_COLUMNS.length];
  // The rows' error_classes objects, comma-joined: one JSON.parse per group.
  if (typeof list === 'string' && list)
    for (const part of JSON.parse(`[${list}]`) as Record<string, number>[])
      for (const [cls, count] of Object.entries(part)) errorClasses[cls] = (errorClasses[cls] ?? 0) + count;
  return { counts, hist, errorClasses };
}

/** The sums of groups that partition a range: exactly what one totals query over the range returns. */
function addUp(groups: readonly Sums[]): Sums {
  const total = sumsOf([], 0);
  const keys = Object.keys(total.counts) as (keyof Sums['counts'])[];
  for (const g of groups) {
    for (const k of keys) total.counts[k] += g.counts[k];
    for (let i = 0; i < total.hist.length; i++) total.hist[i] = (total.hist[i] ?? 0) + (g.hist[i] ?? 0);
    for (const [cls, count] of Object.entries(g.errorClasses))
      total.errorClasses[cls] = (total.errorClasses[cls] ?? 0) + count;
  }
  return total;
}

function toRow({ counts, hist, errorClasses }: Sums, key: string, series?: string): StatsRow {
  const { calls, errors } = counts;
  return {
    key,
    ...(series !== undefined ? { series } : {}),
    calls,
    errors,
    errorRate: calls ? errors / calls : 0,
    fallbacks: counts.fallbacks,
    inputTokens: counts.inputTokens,
    outputTokens: counts.outputTokens,
    cachedInputTokens: counts.cachedInputTokens,
    costUsd: microsToUsd(counts.costMicros),
    unpricedCalls: counts.unpricedCalls,
    estimatedCalls: counts.estimatedCalls,
    latencyP50Ms: percentileFromHistogram(hist, 0.5),
    latencyP95Ms: percentileFromHistogram(hist, 0.95),
    errorClasses,
  };
}

const HOUR_MS = 3_600_000;

/**
 * Whole local days on hour boundaries (the Usage page's ranges, in whole-hour time zones): the hourly
 * rollups then hold exactly the events of the daily ones over [from, to).
 */
const wholeHours = (from: number, to: number): boolean =>
  from % HOUR_MS === 0 && to % HOUR_MS === 0 && startOfLocalDay(to) === to;

/** Dashboard queries over the rollups only (never the raw events). Range: [from, to) in ms. */
export class UsageStats {
  constructor(private readonly store: DatabaseHandle) {}

  query(range: { from: number; to: number }, by: GroupBy): StatsResult {
    const from = startOfLocalDay(range.from);
    const g = GROUP_SQL[by];
    const groupCols = g.series ? `${g.key}, ${g.series}` : g.key;
    const keyCount = g.series ? 2 : 1;
    const raws = this.store.sqlite
      .prepare(
        `SELECT ${groupCols}, ${SUMS} FROM ${g.table}
         WHERE bucket_start >= ? AND bucket_start < ? GROUP BY ${groupCols} ORDER BY ${groupCols}`,
      )
      .raw()
      .all(by === 'hour' ? range.from : from, range.to) as RawRow[];
    const sums = raws.map((r) => sumsOf(r, keyCount));
    // Groupings that partition exactly the events the totals cover are added up instead of scanned again.
    const totals =
      g.table === 'usage_daily' || (range.from === from && wholeHours(from, range.to))
        ? addUp(sums)
        : sumsOf(
            this.store.sqlite
              .prepare(`SELECT ${SUMS} FROM usage_daily WHERE bucket_start >= ? AND bucket_start < ?`)
              .raw()
              .get(from, range.to) as RawRow,
            0,
          );
    return {
      from,
      to: range.to,
      totals: toRow(totals, 'total'),
      groups: raws.map((r, i) => toRow(sums[i]!, String(r[0]), g.series ? String(r[1]) : undefined)),
    };
  }
}
