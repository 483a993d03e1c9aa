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

interface Queued {
  event: UsageEvent;
  alsoInTransaction: (() => void) | undefined;
  onCommitted: ((id: number) => void) | undefined;
}

/** SQLite result codes worth retrying later (the disk fills up, another process holds the lock too long). */
const TRANSIENT = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|CANTOPEN)/u;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 30_000;

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT.test(code);
}

export interface UsageLogOptions {
  /** Told about a batch that could not be committed (it stays queued and is retried). */
  onWriteError?: (error: unknown, queued: number) => void;
}

/**
 * One row per attempt plus its hourly and daily rollups, written in one immediate transaction (with any
 * budget settlement passed in), so dashboards never scan raw rows and nothing is half-written.
 *
 * The router does not wait for that commit: `enqueue` queues the event and every event queued in the same
 * turn of the event loop is committed together right after it (a group commit), so a provider's answer
 * reaches its caller without a disk write in between and concurrent calls share one commit. A batch that
 * fails on a full disk or a held lock stays queued and is retried; `flush()` commits at once (reads of usage
 * data and `close` call it first).
 */
export class UsageLog {
  private readonly insertEvent: Statement;
  private readonly upsertHourly: Statement;
  private readonly upsertDaily: Statement;
  /** Built once: `immediate()` builds a new transaction wrapper per call, a few µs on every provider call. */
  private readonly write: Transaction<(event: UsageEvent, alsoInTransaction?: () => void) => number>;
  private readonly writeBatch: Transaction<(batch: Queued[]) => number[]>;
  private queue: Queued[] = [];
  private scheduled: { kind: 'now'; handle: NodeJS.Immediate } | { kind: 'retry'; handle: NodeJS.Timeout } | null =
    null;
  private retryMs = RETRY_MIN_MS;

  constructor(
    store: DatabaseHandle,
    private readonly options: UsageLogOptions = {},
  ) {
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
    this.writeBatch = sqlite.transaction((batch: Queued[]) =>
      batch.map((q) => this.writeEvent(q.event, q.alsoInTransaction)),
    );
  }

  /**
   * Writes the event and its rollups in one immediate transaction (nested in the caller's, if any) and
   * returns its id; anything queued is committed first, so ids keep the order events happened in.
   */
  record(event: UsageEvent, alsoInTransaction?: () => void): number {
    this.flush();
    return this.write.immediate(event, alsoInTransaction);
  }

  /**
   * Queues the event for the group commit that runs once the current turn of the event loop is over;
   * `alsoInTransaction` runs inside that transaction, `onCommitted` after it with the event's id.
   */
  enqueue(event: UsageEvent, alsoInTransaction?: () => void, onCommitted?: (id: number) => void): void {
    this.queue.push({ event, alsoInTransaction, onCommitted });
    this.scheduled ??= {
      kind: 'now',
      handle: setImmediate(() => {
        this.scheduled = null;
        this.flush();
      }),
    };
  }

  /** Events queued and not yet committed. */
  pending(): number {
    return this.queue.length;
  }

  /**
   * Commits everything queued, in one transaction; on failure the events stay queued and a retry is
   * scheduled. True when nothing is left queued.
   */
  flush(): boolean {
    if (this.queue.length === 0) return true;
    const batch = this.queue;
    this.queue = [];
    let ids: number[];
    try {
      ids = this.writeBatch.immediate(batch);
    } catch (error) {
      this.failed(batch, error);
      return this.queue.length === 0;
    }
    this.retryMs = RETRY_MIN_MS;
    if (this.scheduled && this.queue.length === 0) this.cancelScheduled();
    batch.forEach((q, i) => q.onCommitted?.(ids[i] ?? 0));
    return this.queue.length === 0;
  }

  private failed(batch: Queued[], error: unknown): void {
    if (!isTransient(error)) {
      // Not something time fixes (a constraint, a bug): the others commit one by one, the culprit is reported.
      for (const [i, q] of batch.entries()) {
        try {
          q.onCommitted?.(this.write.immediate(q.event, q.alsoInTransaction));
        } catch (each) {
          if (isTransient(each)) return this.retryLater(batch.slice(i), each);
          this.options.onWriteError?.(each, this.queue.length);
        }
      }
      return;
    }
    this.retryLater(batch, error);
  }

  private retryLater(batch: Queued[], error: unknown): void {
    this.queue = [...batch, ...this.queue];
    this.options.onWriteError?.(error, this.queue.length);
    this.cancelScheduled();
    const handle = setTimeout(() => {
      this.scheduled = null;
      this.flush();
    }, this.retryMs);
    handle.unref();
    this.scheduled = { kind: 'retry', handle };
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private cancelScheduled(): void {
    if (this.scheduled?.kind === 'now') clearImmediate(this.scheduled.handle);
    else if (this.scheduled?.kind === 'retry') clearTimeout(this.scheduled.handle);
    this.scheduled = null;
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
