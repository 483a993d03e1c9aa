import { BUCKET_COLUMNS, bucketIndex } from './latency-buckets';
import { ADDITIVE_COLUMNS } from './rollup-columns';
import { nextLocalMidnight, startOfHour, startOfLocalDay } from './periods';
import type { UsageEvent } from './usage-event';

export type RollupTable = 'hourly' | 'daily' | 'hour_totals';

const DIMS: Record<RollupTable, readonly string[]> = {
  daily: ['bucket_start', 'config_id', 'provider_name', 'provider_kind', 'model', 'task', 'user_id'],
  hourly: ['bucket_start', 'config_id', 'provider_name', 'provider_kind', 'task'],
  hour_totals: ['bucket_start'],
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

function dimension(name: string, { event, bucket }: RollupDelta): Value {
  switch (name) {
    case 'bucket_start':
      return bucket;
    case 'config_id':
      return event.configId ?? '';
    case 'provider_name':
      return event.providerName;
    case 'provider_kind':
      return event.providerKind;
    case 'model':
      return event.model;
    case 'task':
      return event.task;
    case 'user_id':
      return event.userId;
    default:
      throw new Error(`unknown rollup dimension ${name}`);
  }
}

/**
 * Upsert of one delta into a rollup table, and its parameters in the order of the statement's `?`s.
 * Positional: binding thirty-odd names per row cost more than the row's write.
 */
export function rollupUpsert(table: RollupTable): { sql: string; params: (delta: RollupDelta) => Value[] } {
  const dims = DIMS[table];
  const order: ((d: RollupDelta) => Value)[] = [];
  const param = (get: (d: RollupDelta) => Value): string => (order.push(get), '?');
  const errorClass = () => param((d) => d.event.errorClass);
  const errorCount = () => param((d) => d.errorCount);
  // A template's parts are evaluated left to right: `order` follows the `?`s as they appear.
  const sql = `
  INSERT INTO usage_${table} (${[...dims, ...ADDITIVE_COLUMNS].join(', ')}, error_classes)
  VALUES (${dims.map((name) => param((d) => dimension(name, d))).join(', ')},
    ${ADDITIVE_COLUMNS.map((_, i) => param((d) => d.sums[i] ?? 0)).join(', ')},
    CASE WHEN ${errorClass()} IS NULL THEN '{}' ELSE json_object(${errorClass()}, ${errorCount()}) END)
  ON CONFLICT (${dims.filter((d) => d !== 'provider_kind').join(', ')}) DO UPDATE SET
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

/** Where each column an event adds to sits in a delta's sums. */
const AT = new Map(ADDITIVE_COLUMNS.map((column, i) => [column, i]));
const at = (column: string): number => AT.get(column) ?? -1;
const CALLS = at('calls');
const ERRORS = at('errors');
const FALLBACKS = at('fallbacks');
const INPUT = at('input_tokens');
const OUTPUT = at('output_tokens');
const CACHED = at('cached_input_tokens');
const COST = at('cost_micros');
const UNPRICED = at('unpriced_calls');
const ESTIMATED = at('estimated_calls');
const LATENCY_SUM = at('latency_sum_ms');
const FIRST_BUCKET = at(BUCKET_COLUMNS[0] ?? '');

/**
 * Sums a batch of events per rollup row (and error class), so a group commit writes each rollup row once
 * however many of its events it holds.
 */
export class RollupDeltas {
  private readonly deltas = new Map<string, RollupDelta>();

  constructor(private readonly table: RollupTable) {}

  add(event: UsageEvent): void {
    const bucket = this.table === 'daily' ? dayStart(event.createdAt) : startOfHour(event.createdAt);
    const key = `${bucket}\0${this.dimensionsKey(event)}\0${event.errorClass ?? ''}`;
    let delta = this.deltas.get(key);
    if (!delta) {
      delta = { event, bucket, errorCount: 0, sums: new Array<number>(ADDITIVE_COLUMNS.length).fill(0) };
      this.deltas.set(key, delta);
    }
    const sums = delta.sums;
    sums[CALLS]! += 1;
    if (event.status === 'error') sums[ERRORS]! += 1;
    if (event.errorClass !== null) delta.errorCount += 1;
    if (event.fallback) sums[FALLBACKS]! += 1;
    sums[INPUT]! += event.inputTokens;
    sums[OUTPUT]! += event.outputTokens;
    sums[CACHED]! += event.cachedInputTokens;
    sums[COST]! += event.costMicros ?? 0;
    if (event.status === 'ok' && event.costMicros === null) sums[UNPRICED]! += 1;
    if (event.estimated) sums[ESTIMATED]! += 1;
    sums[LATENCY_SUM]! += event.latencyMs;
    sums[FIRST_BUCKET + bucketIndex(event.latencyMs)]! += 1;
  }

  /** The event's dimensions other than the bucket, as one string. */
  private dimensionsKey(e: UsageEvent): string {
    switch (this.table) {
      case 'hour_totals':
        return '';
      case 'hourly':
        return `${e.configId ?? ''}\0${e.providerName}\0${e.providerKind}\0${e.task}`;
      case 'daily':
        return `${e.configId ?? ''}\0${e.providerName}\0${e.providerKind}\0${e.task}\0${e.model}\0${e.userId}`;
    }
  }

  values(): IterableIterator<RollupDelta> {
    return this.deltas.values();
  }
}
