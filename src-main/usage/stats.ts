import type { GROUP_BYS } from '../../src-preload/contract';
import type { DatabaseHandle } from '../db/client';
import { BUCKET_COLUMNS, percentileFromHistogram } from './latency-buckets';
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

const SUMS = `sum(calls) AS calls, sum(errors) AS errors, sum(fallbacks) AS fallbacks, sum(input_tokens) AS inputTokens,
  sum(output_tokens) AS outputTokens, sum(cached_input_tokens) AS cachedInputTokens, sum(cost_micros) AS costMicros,
  sum(unpriced_calls) AS unpricedCalls, sum(estimated_calls) AS estimatedCalls,
  ${BUCKET_COLUMNS.map((c, i) => `sum(${c}) AS h${i}`).join(', ')},
  group_concat(CASE WHEN errors > 0 THEN error_classes END, '|') AS errorClassList`;

type RawRow = Record<string, number | string | null>;

function toRow(raw: RawRow, key: string, series?: string): StatsRow {
  const n = (k: string) => Number(raw[k] ?? 0);
  const hist = BUCKET_COLUMNS.map((_, i) => n(`h${i}`));
  const errorClasses: Record<string, number> = {};
  const list = raw['errorClassList'];
  if (typeof list === 'string' && list)
    for (const part of list.split('|'))
      for (const [cls, count] of Object.entries(JSON.parse(part) as Record<string, number>))
        errorClasses[cls] = (errorClasses[cls] ?? 0) + count;
  const calls = n('calls');
  return {
    key,
    ...(series !== undefined ? { series } : {}),
    calls,
    errors: n('errors'),
    errorRate: calls ? n('errors') / calls : 0,
    fallbacks: n('fallbacks'),
    inputTokens: n('inputTokens'),
    outputTokens: n('outputTokens'),
    cachedInputTokens: n('cachedInputTokens'),
    costUsd: microsToUsd(n('costMicros')),
    unpricedCalls: n('unpricedCalls'),
    estimatedCalls: n('estimatedCalls'),
    latencyP50Ms: percentileFromHistogram(hist, 0.5),
    latencyP95Ms: percentileFromHistogram(hist, 0.95),
    errorClasses,
  };
}

/** Dashboard queries over the rollups only (never the raw events). Range: [from, to) in ms. */
export class UsageStats {
  constructor(private readonly store: DatabaseHandle) {}

  query(range: { from: number; to: number }, by: GroupBy): StatsResult {
    const from = startOfLocalDay(range.from);
    const g = GROUP_SQL[by];
    const totalsRaw = this.store.sqlite
      .prepare(`SELECT ${SUMS} FROM usage_daily WHERE bucket_start >= ? AND bucket_start < ?`)
      .get(from, range.to) as RawRow;
    const groupCols = g.series ? `${g.key}, ${g.series}` : g.key;
    const raws = this.store.sqlite
      .prepare(
        `SELECT ${g.key} AS k, ${g.series ? `${g.series} AS s,` : ''} ${SUMS} FROM ${g.table}
         WHERE bucket_start >= ? AND bucket_start < ? GROUP BY ${groupCols} ORDER BY ${groupCols}`,
      )
      .all(by === 'hour' ? range.from : from, range.to) as RawRow[];
    return {
      from,
      to: range.to,
      totals: toRow(totalsRaw, 'total'),
      groups: raws.map((r) => toRow(r, String(r['k']), g.series ? String(r['s']) : undefined)),
    };
  }
}
