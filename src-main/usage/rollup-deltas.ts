import { BUCKET_COLUMNS, bucketIndex } from './latency-buckets';
import { ADDITIVE_COLUMNS } from './rollup-columns';
import { nextLocalMidnight, startOfHour, startOfLocalDay } from './periods';
import type { UsageEvent } from './usage-event';

export const DAILY_DIMS = ['bucket_start', 'config_id', 'provider_name', 'provider_kind', 'model', 'task', 'user_id'];
export const HOURLY_DIMS = ['bucket_start', 'config_id', 'provider_name', 'provider_kind', 'task'];

/** What a group of events adds to one rollup row: its dimensions, a sum per additive column, its error class. */
export type RollupDelta = Record<string, string | number | null>;

/**
 * Upsert of one delta into a rollup table: the named parameters are the dimension and additive column names,
 * plus the delta's error class and how many of its events had it.
 */
export function rollupUpsertSql(table: string, dims: readonly string[]): string {
  const columns = [...dims, ...ADDITIVE_COLUMNS];
  return `
  INSERT INTO ${table} (${columns.join(', ')}, error_classes)
  VALUES (${columns.map((c) => `@${c}`).join(', ')},
    CASE WHEN @errorClass IS NULL THEN '{}' ELSE json_object(@errorClass, @errorCount) END)
  ON CONFLICT (${dims.filter((d) => d !== 'provider_kind').join(', ')}) DO UPDATE SET
    ${ADDITIVE_COLUMNS.map((m) => `${m} = ${m} + excluded.${m}`).join(',\n    ')},
    error_classes = CASE WHEN @errorClass IS NULL THEN error_classes
      ELSE json_set(error_classes, '$."' || @errorClass || '"',
        coalesce(json_extract(error_classes, '$."' || @errorClass || '"'), 0) + @errorCount) END`;
}

/** The local day of the last event asked about: nearly every event of a group falls in it. */
let lastDay = { from: 0, to: 0 };

function dayStart(ms: number): number {
  if (ms < lastDay.from || ms >= lastDay.to) lastDay = { from: startOfLocalDay(ms), to: nextLocalMidnight(ms) };
  return lastDay.from;
}

function dimensions(event: UsageEvent, table: 'hourly' | 'daily'): Record<string, string | number> {
  const common = {
    config_id: event.configId ?? '',
    provider_name: event.providerName,
    provider_kind: event.providerKind,
    task: event.task,
  };
  return table === 'hourly'
    ? { bucket_start: startOfHour(event.createdAt), ...common }
    : { bucket_start: dayStart(event.createdAt), ...common, model: event.model, user_id: event.userId };
}

/**
 * Sums a batch of events per rollup row (and error class), so a group commit writes each rollup row once
 * however many of its events it holds.
 */
export class RollupDeltas {
  private readonly deltas = new Map<string, RollupDelta>();

  constructor(private readonly table: 'hourly' | 'daily') {}

  add(event: UsageEvent): void {
    const dims = dimensions(event, this.table);
    const key = `${Object.values(dims).join('\u0000')}\u0000${event.errorClass ?? ''}`;
    let delta = this.deltas.get(key);
    if (!delta) {
      delta = { ...dims, errorClass: event.errorClass, errorCount: 0 };
      for (const column of ADDITIVE_COLUMNS) delta[column] = 0;
      this.deltas.set(key, delta);
    }
    const add = (column: string, by: number): void => {
      delta[column] = (delta[column] as number) + by;
    };
    const isError = event.status === 'error' ? 1 : 0;
    add('calls', 1);
    add('errors', isError);
    if (event.errorClass !== null) add('errorCount', 1);
    add('fallbacks', event.fallback ? 1 : 0);
    add('input_tokens', event.inputTokens);
    add('output_tokens', event.outputTokens);
    add('cached_input_tokens', event.cachedInputTokens);
    add('cost_micros', event.costMicros ?? 0);
    add('unpriced_calls', event.status === 'ok' && event.costMicros === null ? 1 : 0);
    add('estimated_calls', event.estimated ? 1 : 0);
    add('latency_sum_ms', event.latencyMs);
    const bucket = BUCKET_COLUMNS[bucketIndex(event.latencyMs)];
    if (bucket) add(bucket, 1);
  }

  values(): IterableIterator<RollupDelta> {
    return this.deltas.values();
  }
}
