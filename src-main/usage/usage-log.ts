import type { Statement, Transaction } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/client';
import { BUCKET_COLUMNS, bucketIndex } from './latency-buckets';
import { ADDITIVE_COLUMNS } from './rollup-columns';
import { startOfHour, startOfLocalDay } from './periods';

export interface UsageEvent {
  requestId: string;
  attempt: number;
  configId: string | null;
  providerName: string;
  providerKind: string;
  model: string;
  task: string;
  userId: string;
  status: 'ok' | 'error';
  errorClass: string | null;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  estimated: boolean;
  costMicros: number | null;
  priceVersion: number | null;
  latencyMs: number;
  ttftMs: number | null;
  /** This attempt ran on a fallback candidate (not the first one tried). */
  fallback: boolean;
  createdAt: number;
}

const METRICS = ADDITIVE_COLUMNS;

function rollupSql(table: string, dims: string[]): string {
  const params = [
    ...dims.map((d) => `@${d}`),
    '1',
    '@isError',
    '@fallback',
    '@inputTokens',
    '@outputTokens',
    '@cachedInputTokens',
    'coalesce(@costMicros, 0)',
    '@unpriced',
    '@estimated',
    '@latencyMs',
    ...BUCKET_COLUMNS.map((_, i) => `(@bucketIndex = ${i})`),
  ];
  return `
  INSERT INTO ${table} (${[...dims, ...METRICS].join(', ')}, error_classes)
  VALUES (${params.join(', ')}, CASE WHEN @errorClass IS NULL THEN '{}' ELSE json_object(@errorClass, 1) END)
  ON CONFLICT (${dims.filter((d) => d !== 'provider_kind').join(', ')}) DO UPDATE SET
    ${METRICS.map((m) => `${m} = ${m} + excluded.${m}`).join(',\n    ')},
    error_classes = CASE WHEN @errorClass IS NULL THEN error_classes
      ELSE json_set(error_classes, '$."' || @errorClass || '"',
        coalesce(json_extract(error_classes, '$."' || @errorClass || '"'), 0) + 1) END`;
}

const DAILY_DIMS = ['bucket_start', 'config_id', 'provider_name', 'provider_kind', 'model', 'task', 'user_id'];
const HOURLY_DIMS = ['bucket_start', 'config_id', 'provider_name', 'provider_kind', 'task'];

/**
 * One row per attempt plus its hourly and daily rollups, written in one immediate transaction (with any
 * budget settlement passed in), so dashboards never scan raw rows and nothing is half-written.
 */
export class UsageLog {
  private readonly insertEvent: Statement;
  private readonly upsertHourly: Statement;
  private readonly upsertDaily: Statement;
  /** Built once: `immediate()` builds a new transaction wrapper per call, a few µs on every provider call. */
  private readonly write: Transaction<(event: UsageEvent, alsoInTransaction?: () => void) => number>;

  constructor(store: DatabaseHandle) {
    const { sqlite } = store;
    this.insertEvent = sqlite.prepare(`
      INSERT INTO usage_events (request_id, attempt, config_id, provider_name, provider_kind, model, task, user_id,
        status, error_class, input_tokens, output_tokens, cached_input_tokens, estimated, cost_micros, price_version,
        latency_ms, ttft_ms, fallback, created_at)
      VALUES (@requestId, @attempt, @configId, @providerName, @providerKind, @model, @task, @userId, @status,
        @errorClass, @inputTokens, @outputTokens, @cachedInputTokens, @estimated, @costMicros, @priceVersion,
        @latencyMs, @ttftMs, @fallback, @createdAt)`);
    this.upsertHourly = sqlite.prepare(rollupSql('usage_hourly', HOURLY_DIMS));
    this.upsertDaily = sqlite.prepare(rollupSql('usage_daily', DAILY_DIMS));
    this.write = sqlite.transaction((event: UsageEvent, alsoInTransaction?: () => void) =>
      this.writeEvent(event, alsoInTransaction),
    );
  }

  /**
   * Writes the event and its rollups in one immediate transaction (nested in the caller's, if any);
   * `alsoInTransaction` runs inside the same transaction.
   */
  record(event: UsageEvent, alsoInTransaction?: () => void): number {
    return this.write.immediate(event, alsoInTransaction);
  }

  private writeEvent(event: UsageEvent, alsoInTransaction?: () => void): number {
    const id = Number(
      this.insertEvent.run({ ...event, estimated: event.estimated ? 1 : 0, fallback: event.fallback ? 1 : 0 })
        .lastInsertRowid,
    );
    const rollup = {
      config_id: event.configId ?? '',
      provider_name: event.providerName,
      provider_kind: event.providerKind,
      task: event.task,
      isError: event.status === 'error' ? 1 : 0,
      fallback: event.fallback ? 1 : 0,
      inputTokens: event.inputTokens,
      outputTokens: event.outputTokens,
      cachedInputTokens: event.cachedInputTokens,
      costMicros: event.costMicros,
      unpriced: event.status === 'ok' && event.costMicros === null ? 1 : 0,
      estimated: event.estimated ? 1 : 0,
      latencyMs: event.latencyMs,
      bucketIndex: bucketIndex(event.latencyMs),
      errorClass: event.errorClass,
    };
    this.upsertHourly.run({ ...rollup, bucket_start: startOfHour(event.createdAt) });
    this.upsertDaily.run({
      ...rollup,
      model: event.model,
      user_id: event.userId,
      bucket_start: startOfLocalDay(event.createdAt),
    });
    alsoInTransaction?.();
    return id;
  }
}
