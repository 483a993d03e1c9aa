import type { Statement } from 'better-sqlite3';
import { immediate, type DatabaseHandle } from '../db/client';
import { bucketIndex, EMPTY_HISTOGRAM } from './latency-buckets';
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

const rollupSql = (table: string) => `
  INSERT INTO ${table} (bucket_start, config_id, provider_name, provider_kind, model, task, user_id, calls, errors,
    fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls,
    latency_sum_ms, latency_hist, error_classes)
  VALUES (@bucket, @configId, @providerName, @providerKind, @model, @task, @userId, 1, @isError, @fallback,
    @inputTokens, @outputTokens, @cachedInputTokens, coalesce(@costMicros, 0), @unpriced, @estimated, @latencyMs,
    json_set('${EMPTY_HISTOGRAM}', '$[' || @bucketIndex || ']', 1),
    CASE WHEN @errorClass IS NULL THEN '{}' ELSE json_object(@errorClass, 1) END)
  ON CONFLICT (bucket_start, config_id, provider_name, model, task, user_id) DO UPDATE SET
    calls = calls + 1,
    errors = errors + excluded.errors,
    fallbacks = fallbacks + excluded.fallbacks,
    input_tokens = input_tokens + excluded.input_tokens,
    output_tokens = output_tokens + excluded.output_tokens,
    cached_input_tokens = cached_input_tokens + excluded.cached_input_tokens,
    cost_micros = cost_micros + excluded.cost_micros,
    unpriced_calls = unpriced_calls + excluded.unpriced_calls,
    estimated_calls = estimated_calls + excluded.estimated_calls,
    latency_sum_ms = latency_sum_ms + excluded.latency_sum_ms,
    latency_hist = json_set(latency_hist, '$[' || @bucketIndex || ']',
      json_extract(latency_hist, '$[' || @bucketIndex || ']') + 1),
    error_classes = CASE WHEN @errorClass IS NULL THEN error_classes
      ELSE json_set(error_classes, '$."' || @errorClass || '"',
        coalesce(json_extract(error_classes, '$."' || @errorClass || '"'), 0) + 1) END`;

/**
 * One row per attempt plus its hourly and daily rollups, written in one immediate transaction (with any
 * budget settlement passed in), so dashboards never scan raw rows and nothing is half-written.
 */
export class UsageLog {
  private readonly insertEvent: Statement;
  private readonly upsertHourly: Statement;
  private readonly upsertDaily: Statement;

  constructor(private readonly store: DatabaseHandle) {
    const { sqlite } = store;
    this.insertEvent = sqlite.prepare(`
      INSERT INTO usage_events (request_id, attempt, config_id, provider_name, provider_kind, model, task, user_id,
        status, error_class, input_tokens, output_tokens, cached_input_tokens, estimated, cost_micros, price_version,
        latency_ms, ttft_ms, fallback, created_at)
      VALUES (@requestId, @attempt, @configId, @providerName, @providerKind, @model, @task, @userId, @status,
        @errorClass, @inputTokens, @outputTokens, @cachedInputTokens, @estimated, @costMicros, @priceVersion,
        @latencyMs, @ttftMs, @fallback, @createdAt)`);
    this.upsertHourly = sqlite.prepare(rollupSql('usage_hourly'));
    this.upsertDaily = sqlite.prepare(rollupSql('usage_daily'));
  }

  /** Writes the event and its rollups; `alsoInTransaction` runs inside the same transaction. */
  record(event: UsageEvent, alsoInTransaction?: () => void): number {
    return immediate(this.store.sqlite, () => {
      const id = Number(
        this.insertEvent.run({ ...event, estimated: event.estimated ? 1 : 0, fallback: event.fallback ? 1 : 0 })
          .lastInsertRowid,
      );
      const rollup = {
        configId: event.configId ?? '',
        providerName: event.providerName,
        providerKind: event.providerKind,
        model: event.model,
        task: event.task,
        userId: event.userId,
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
      this.upsertHourly.run({ ...rollup, bucket: startOfHour(event.createdAt) });
      this.upsertDaily.run({ ...rollup, bucket: startOfLocalDay(event.createdAt) });
      alsoInTransaction?.();
      return id;
    });
  }
}
