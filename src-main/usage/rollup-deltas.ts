import type { UsageBlockGrouping, UsageMonthlyDimension } from '../db/schema/usage';
import { bucketIndex } from './latency-buckets';
import { cachedMonthWindowStart } from './month-windows';
import { ADDITIVE_COLUMNS, COUNT_AT } from './rollup-columns';
import { nextLocalMidnight, startOfHour, startOfLocalDay } from './periods';
import type { UsageEvent } from './usage-event';

export type RollupTable =
  | 'hourly'
  | 'daily'
  | 'hour_totals'
  | 'by_provider'
  | 'by_task'
  | 'by_model'
  | 'by_user'
  | 'by_kind_task'
  | 'monthly_by_provider'
  | 'monthly_by_task'
  | 'monthly_by_model'
  | 'monthly_by_user'
  | 'monthly_by_utc_hour';

/** Where a rollup's bucket starts: the event's local day or hour, or the month window of that day or hour. */
type Bucket = 'day' | 'hour' | 'day_window' | 'hour_window';

type Column = (e: UsageEvent) => string;
const providerName: Column = (e) => e.providerName;
const task: Column = (e) => e.task;
const model: Column = (e) => e.model;
const userId: Column = (e) => e.userId;
const utcHourOfDay: Column = (e) => String(Math.floor(e.createdAt / 3_600_000) % 24).padStart(2, '0');
const byDimension = (dimension: UsageMonthlyDimension, value: Column, bucket: Bucket = 'day'): Rollup => ({
  table: bucket === 'day' ? 'usage_daily_by_dimension' : 'usage_monthly_by_dimension',
  bucket,
  dims: { dimension: () => dimension, value },
});

interface Rollup {
  table: string;
  bucket: Bucket;
  dims: Record<string, Column>;
}

/** The per-config dimensions of the daily and hourly rollups (provider_kind is stored, not part of the key). */
const CONFIG_DIMS: Record<string, Column> = {
  config_id: (e) => e.configId ?? '',
  provider_name: providerName,
  provider_kind: (e) => e.providerKind,
};

/** Each rollup: its table, its bucket (local day or hour), and its dimension columns besides bucket_start. */
const ROLLUPS: Record<RollupTable, Rollup> = {
  daily: { table: 'usage_daily', bucket: 'day', dims: { ...CONFIG_DIMS, model, task, user_id: userId } },
  hourly: { table: 'usage_hourly', bucket: 'hour', dims: { ...CONFIG_DIMS, task } },
  hour_totals: { table: 'usage_hour_totals', bucket: 'hour', dims: {} },
  by_provider: byDimension('provider', providerName),
  by_task: byDimension('task', task),
  by_model: byDimension('model', model),
  by_user: byDimension('user', userId),
  by_kind_task: {
    table: 'usage_daily_by_kind_task',
    bucket: 'day',
    dims: { provider_kind: (e) => e.providerKind, task },
  },
  // Folded from the daily rows (their day's window), and from the hourly ones (their hour's window).
  monthly_by_provider: byDimension('provider', providerName, 'day_window'),
  monthly_by_task: byDimension('task', task, 'day_window'),
  monthly_by_model: byDimension('model', model, 'day_window'),
  monthly_by_user: byDimension('user', userId, 'day_window'),
  monthly_by_utc_hour: byDimension('utc_hour', utcHourOfDay, 'hour_window'),
};

/** What a group of events adds to one rollup row. */
export interface RollupDelta {
  /** One of the events (they share the row's dimensions) and the row's bucket start. */
  event: UsageEvent;
  bucket: number;
  errorCount: number;
  /** One number per ADDITIVE_COLUMNS entry. */
  sums: number[];
}

type Value = string | number | null;

/**
 * Upsert of one delta into a rollup table, and its parameters in the order of the statement's `?`s.
 * Positional: binding thirty-odd names per row cost more than the row's write.
 */
export function rollupUpsert(rollup: RollupTable): { sql: string; params: (delta: RollupDelta) => Value[] } {
  const { table, dims } = ROLLUPS[rollup];
  const dimColumns = Object.keys(dims);
  const order: ((d: RollupDelta) => Value)[] = [];
  const param = (get: (d: RollupDelta) => Value): string => (order.push(get), '?');
  const errorClass = () => param((d) => d.event.errorClass);
  const errorCount = () => param((d) => d.errorCount);
  // The row's identity: provider_kind goes with the config, it is stored but not part of the key (in the
  // rollups that have a config; the per-type one is keyed by it).
  const key = ['bucket_start', ...dimColumns.filter((c) => c !== 'provider_kind' || !('config_id' in dims))];
  // A template's parts are evaluated left to right: `order` follows the `?`s as they appear.
  const sql = `
  INSERT INTO ${table} (bucket_start, ${[...dimColumns, ...ADDITIVE_COLUMNS].join(', ')}, error_classes)
  VALUES (${param((d) => d.bucket)}, ${Object.values(dims)
    .map((get) => param((d) => get(d.event)) + ', ')
    .join('')}
    ${ADDITIVE_COLUMNS.map((_, i) => param((d) => d.sums[i] ?? 0)).join(', ')},
    CASE WHEN ${errorClass()} IS NULL THEN '{}' ELSE json_object(${errorClass()}, ${errorCount()}) END)
  ON CONFLICT (${key.join(', ')}) DO UPDATE SET
    ${ADDITIVE_COLUMNS.map((m) => `${m} = ${m} + excluded.${m}`).join(',\n    ')},
    error_classes = CASE WHEN ${errorClass()} IS NULL THEN error_classes
      ELSE json_set(error_classes, '$."' || ${errorClass()} || '"',
        coalesce(json_extract(error_classes, '$."' || ${errorClass()} || '"'), 0) + ${errorCount()}) END`;
  return { sql, params: (delta) => order.map((get) => get(delta)) };
}

/** The local day of the last event asked about: nearly every event of a group falls in it. */
let lastDay = { from: 0, to: 0 };

function dayStart(ms: number): number {
  if (ms < lastDay.from || ms >= lastDay.to) lastDay = { from: startOfLocalDay(ms), to: nextLocalMidnight(ms) };
  return lastDay.from;
}

/** The bucket of `ms` (an event's time, or the bucket start of a finer rollup's row) in a rollup of `bucket`. */
function bucketOf(bucket: Bucket, ms: number): number {
  if (bucket === 'hour') return startOfHour(ms);
  if (bucket === 'day') return dayStart(ms);
  return cachedMonthWindowStart(bucket === 'hour_window' ? startOfHour(ms) : dayStart(ms));
}

/** After the counts in ADDITIVE_COLUMNS: the latency sum, then the histogram buckets. */
const LATENCY_SUM = ADDITIVE_COLUMNS.indexOf('latency_sum_ms');
const FIRST_BUCKET = LATENCY_SUM + 1;

/**
 * The rollups each event is added to (`base`), and the narrower ones whose rows are folded from the base
 * rows when the group is written: their dimensions are a subset of the base's, on the same buckets
 * (`folded`), or on the month windows of those buckets (`monthly`: only the rows of sealed windows, see
 * MonthlySeal).
 */
export const ROLLUP_FAMILIES: readonly {
  base: RollupTable;
  folded: readonly RollupTable[];
  monthly: readonly RollupTable[];
  /** The window blocks kept of the family's rows (usage/window-blocks.ts). */
  blocks: UsageBlockGrouping;
}[] = [
  { base: 'hourly', folded: ['hour_totals'], monthly: ['monthly_by_utc_hour'], blocks: 'hour' },
  {
    base: 'daily',
    folded: ['by_provider', 'by_task', 'by_model', 'by_user', 'by_kind_task'],
    monthly: ['monthly_by_provider', 'monthly_by_task', 'monthly_by_model', 'monthly_by_user'],
    blocks: 'provider_day',
  },
];

/**
 * Sums a batch of events per rollup row (and error class), so a group commit writes each rollup row once
 * however many of its events it holds.
 */
export class RollupDeltas {
  private readonly deltas = new Map<string, RollupDelta>();
  /** The table's dimension readers and bucket size, looked up once rather than per event. */
  private readonly dims: Column[];
  private readonly bucket: Bucket;

  constructor(table: RollupTable) {
    this.dims = Object.values(ROLLUPS[table].dims);
    this.bucket = ROLLUPS[table].bucket;
  }

  add(event: UsageEvent): void {
    const bucket = bucketOf(this.bucket, event.createdAt);
    const delta = this.row(event, bucket);
    if (event.errorClass !== null) delta.errorCount += 1;
    const sums = delta.sums;
    sums[COUNT_AT.calls]! += 1;
    if (event.status === 'error') sums[COUNT_AT.errors]! += 1;
    if (event.fallback) sums[COUNT_AT.fallbacks]! += 1;
    sums[COUNT_AT.input_tokens]! += event.inputTokens;
    sums[COUNT_AT.output_tokens]! += event.outputTokens;
    sums[COUNT_AT.cached_input_tokens]! += event.cachedInputTokens;
    sums[COUNT_AT.cost_micros]! += event.costMicros ?? 0;
    if (event.status === 'ok' && event.costMicros === null) sums[COUNT_AT.unpriced_calls]! += 1;
    if (event.estimated) sums[COUNT_AT.estimated_calls]! += 1;
    sums[LATENCY_SUM]! += event.latencyMs;
    sums[FIRST_BUCKET + bucketIndex(event.latencyMs)]! += 1;
  }

  /**
   * The rows of `table` (one of this rollup's `folded` or `monthly`): these rows summed over the dimensions it
   * drops; for a monthly one, only those of the windows before `windowsBefore`.
   */
  foldedInto(table: RollupTable, windowsBefore = Infinity): RollupDeltas {
    const folded = new RollupDeltas(table);
    // A base row's bucket is already its hour or day: a monthly rollup takes that bucket's window.
    const toWindows = folded.bucket === 'day_window' || folded.bucket === 'hour_window';
    for (const { event, bucket, errorCount, sums } of this.deltas.values()) {
      const foldedBucket = toWindows ? cachedMonthWindowStart(bucket) : bucket;
      if (foldedBucket >= windowsBefore) continue;
      const into = folded.row(event, foldedBucket);
      into.errorCount += errorCount;
      sums.forEach((value, i) => (into.sums[i]! += value));
    }
    return folded;
  }

  values(): IterableIterator<RollupDelta> {
    return this.deltas.values();
  }

  /** The row `event` falls in (created empty): rows are per dimension values and error class. */
  private row(event: UsageEvent, bucket: number): RollupDelta {
    let key = `${bucket}`;
    for (const get of this.dims) key += `\0${get(event)}`;
    key += `\0${event.errorClass ?? ''}`;
    let delta = this.deltas.get(key);
    if (!delta) {
      delta = { event, bucket, errorCount: 0, sums: new Array<number>(ADDITIVE_COLUMNS.length).fill(0) };
      this.deltas.set(key, delta);
    }
    return delta;
  }
}
