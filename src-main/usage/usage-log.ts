import type { Statement, Transaction } from 'better-sqlite3';
import type { DatabaseHandle } from '../db/client';
import type { UsageBlockGrouping } from '../db/schema/usage';
import { cachedMonthWindowStart, monthWindowStart } from './month-windows';
import { MonthlySeal } from './monthly-rollups';
import { startOfHour } from './periods';
import { ROLLUP_FAMILIES, RollupDeltas, rollupUpsert, type RollupDelta, type RollupTable } from './rollup-deltas';
import type { UsageEvent } from './usage-event';
import { appendUsageSpill } from './usage-spill';

export type { UsageEvent } from './usage-event';

interface Queued {
  event: UsageEvent;
  alsoInTransaction: (() => void) | undefined;
  onCommitted: ((id: number) => void) | undefined;
}

/** SQLite result codes worth retrying later (the disk fills up, another process holds the lock too long). */
const TRANSIENT = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|CANTOPEN)/u;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 30_000;
/**
 * How long an event waits for others to share its commit. Every answer that leaves the process flushes
 * first, so the window costs no durability, and a longer one makes commits rarer: with the real SDK at
 * 1,000 calls/s, 10 ms (groups of ~14) cost ~40 µs of main-thread time per event, 50 ms ~15 µs.
 */
const GROUP_WINDOW_MS = 50;
/** The longest a local day can be (a daylight-saving day of 25 h). */
const LOCAL_DAY_MAX_MS = 25 * 3_600_000;
/** A group this large commits without waiting for the window to end (~3 ms of writing). */
export const GROUP_MAX_EVENTS = 256;

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT.test(code);
}

/**
 * The event's `usage_events` values in the INSERT's column order. Positional: binding by name looks each
 * of the twenty names up, and the named object had to be copied to turn the booleans into 0/1.
 */
function eventRow(e: UsageEvent) {
  return [
    e.requestId,
    e.attempt,
    e.configId,
    e.providerName,
    e.providerKind,
    e.model,
    e.task,
    e.userId,
    e.status,
    e.errorClass,
    e.inputTokens,
    e.outputTokens,
    e.cachedInputTokens,
    e.estimated ? 1 : 0,
    e.costMicros,
    e.priceVersion,
    e.latencyMs,
    e.ttftMs,
    e.fallback ? 1 : 0,
    e.routeReason ?? null,
    e.createdAt,
  ] as const;
}

type Upsert = (delta: RollupDelta) => void;

/**
 * Prepared on its first write: a process that only reads (the CLI's `usage stats`) does not pay at start for the
 * dozen rollup statements it never runs.
 */
function upsertOf(sqlite: DatabaseHandle['sqlite'], table: RollupTable): Upsert {
  let upsert: Upsert | null = null;
  return (delta) => {
    if (!upsert) {
      const { sql, params } = rollupUpsert(table);
      const statement = sqlite.prepare(sql);
      upsert = (d) => void statement.run(params(d));
    }
    upsert(delta);
  };
}

/**
 * Something written once per batch in the events' transaction, from what their `alsoInTransaction` callbacks
 * gathered (budget settlements: one ledger update per lease, not per event). `end(false)`: the batch failed,
 * drop what was gathered (the callbacks run again with the retry).
 */
export interface BatchPart {
  begin(): void;
  end(write: boolean): void;
}

export interface UsageLogOptions {
  /** Told about a batch that could not be committed (it stays queued and is retried). */
  onWriteError?: (error: unknown, queued: number) => void;
  /** How long the first queued event waits for others to join its commit (default GROUP_WINDOW_MS). */
  groupWindowMs?: number;
}

/**
 * Told after events are committed, in commit order; `null` when this log cannot vouch for what is in the
 * database (a `record` nested in a caller's transaction, which may still roll back, or a replay).
 */
export type CommitListener = (events: readonly UsageEvent[] | null) => void;

/**
 * One row per attempt plus its rollups (per hour, per local day, and per day for each dashboard
 * dimension), written in one immediate transaction (with any budget settlement passed in), so dashboards
 * never scan raw rows and nothing is half-written.
 *
 * The router does not wait for that commit: `enqueue` queues the event, and the events queued within a
 * short window are committed together (a group commit), so a provider's answer reaches the router's caller
 * without a disk write in between and calls share one commit. `flush()` commits at once, `commitInGroup()`
 * at the end of the event loop's turn: every IPC/CLI call waits for the commit of what is queued before it
 * runs and before its answer leaves the main process (the calls answered in the same turn share it), and
 * flushes before each event it emits, so no answer is ever seen outside the process before its usage event
 * is committed; `close` flushes too. A
 * batch that fails on a full disk or a held lock stays queued and is retried; if it still fails when the
 * process ends, `drain` saves it to the spill file (usage-spill.ts) and the next start `replay`s it.
 */
export class UsageLog {
  private readonly insertEvent: Statement;
  /** Uses usage_events_created_at: no index on request_id (see the schema), so a replay looks up by time. */
  private readonly alreadyRecorded: Statement<[number, string, number]>;
  /** Each rollup family's upserts: its base rollup's, and each folded one's with its table. */
  private readonly families: {
    base: RollupTable;
    blocks: UsageBlockGrouping;
    upsert: Upsert;
    folded: { table: RollupTable; upsert: Upsert }[];
    monthly: { table: RollupTable; upsert: Upsert }[];
  }[];
  private readonly monthlySeal: MonthlySeal;
  /** Built once: `immediate()` builds a new transaction wrapper per call, a few µs on every provider call. */
  private readonly writeBatch: Transaction<(batch: readonly Queued[]) => number[]>;
  /** Inside one transaction: the events not yet recorded, written as a group commit writes them. */
  private readonly replayBatch: Transaction<(events: readonly UsageEvent[]) => number>;
  private queue: Queued[] = [];
  private scheduled:
    { kind: 'now'; handle: NodeJS.Immediate } | { kind: 'window' | 'retry'; handle: NodeJS.Timeout } | null = null;
  private retryMs = RETRY_MIN_MS;
  private readonly commitListeners: CommitListener[] = [];
  private readonly batchParts: BatchPart[] = [];
  private readonly sqlite: DatabaseHandle['sqlite'];
  /** Callers of `commitInGroup` waiting for the next commit attempt. */
  private waiting: (() => void)[] = [];

  constructor(
    store: DatabaseHandle,
    private readonly options: UsageLogOptions = {},
  ) {
    const { sqlite } = store;
    this.sqlite = sqlite;
    this.insertEvent = sqlite.prepare(`
      INSERT INTO usage_events (request_id, attempt, config_id, provider_name, provider_kind, model, task, user_id,
        status, error_class, input_tokens, output_tokens, cached_input_tokens, estimated, cost_micros, price_version,
        latency_ms, ttft_ms, fallback, route_reason, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.alreadyRecorded = sqlite.prepare(
      'SELECT 1 FROM usage_events WHERE created_at = ? AND request_id = ? AND attempt = ? LIMIT 1',
    );
    this.families = ROLLUP_FAMILIES.map(({ base, folded, monthly, blocks }) => ({
      base,
      blocks,
      upsert: upsertOf(sqlite, base),
      folded: folded.map((table) => ({ table, upsert: upsertOf(sqlite, table) })),
      monthly: monthly.map((table) => ({ table, upsert: upsertOf(sqlite, table) })),
    }));
    this.monthlySeal = new MonthlySeal(sqlite);
    this.writeBatch = sqlite.transaction((batch: readonly Queued[]) => this.writeEvents(batch));
    this.replayBatch = sqlite.transaction((events: readonly UsageEvent[]) => {
      const seen = new Set<string>();
      const fresh = events
        .filter((e) => {
          const key = `${e.requestId}\u0000${e.attempt}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return this.alreadyRecorded.get(e.createdAt, e.requestId, e.attempt) === undefined;
        })
        .map((event): Queued => ({ event, alsoInTransaction: undefined, onCommitted: undefined }));
      this.writeEvents(fresh);
      return fresh.length;
    });
  }

  /**
   * Writes the event and its rollups in one immediate transaction (nested in the caller's, if any) and
   * returns its id; anything queued is committed first, so ids keep the order events happened in.
   */
  record(event: UsageEvent, alsoInTransaction?: () => void): number {
    this.flush();
    return this.writeOne({ event, alsoInTransaction, onCommitted: undefined });
  }

  /** Writes `part` at the end of every batch's transaction, after the events' own callbacks. */
  alsoInEachBatch(part: BatchPart): void {
    this.batchParts.push(part);
  }

  onCommit(listener: CommitListener): void {
    this.commitListeners.push(listener);
  }

  private committed(batch: readonly Queued[] | null): void {
    if (this.commitListeners.length === 0) return;
    const events = batch && !this.sqlite.inTransaction ? batch.map((q) => q.event) : null;
    for (const listener of this.commitListeners) listener(events);
  }

  /**
   * Queues the event for the next group commit (within the group window, or as soon as the turn of the
   * event loop ends when the group is full); `alsoInTransaction` runs inside that transaction, `onCommitted`
   * after it with the event's id.
   */
  enqueue(event: UsageEvent, alsoInTransaction?: () => void, onCommitted?: (id: number) => void): void {
    this.queue.push({ event, alsoInTransaction, onCommitted });
    if (this.scheduled?.kind === 'retry' || this.scheduled?.kind === 'now') return;
    if (this.queue.length >= GROUP_MAX_EVENTS) {
      if (this.scheduled) clearTimeout(this.scheduled.handle);
      this.scheduled = { kind: 'now', handle: setImmediate(() => this.scheduledFlush()) };
    } else {
      this.scheduled ??= {
        kind: 'window',
        handle: setTimeout(() => this.scheduledFlush(), this.options.groupWindowMs ?? GROUP_WINDOW_MS),
      };
    }
  }

  /**
   * Resolves once the events queued so far have been through a commit attempt (committed; or, on a full
   * disk or a held lock, kept queued for a retry, as `flush` leaves them). That commit runs when the current
   * turn of the event loop ends, so the calls answered in the same turn share one transaction while their
   * answers wait for it.
   */
  commitInGroup(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    const attempted = new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.scheduled?.kind !== 'now') {
      this.cancelScheduled();
      this.scheduled = { kind: 'now', handle: setImmediate(() => this.scheduledFlush()) };
    }
    return attempted;
  }

  private scheduledFlush(): void {
    this.scheduled = null;
    this.flush();
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
      this.releaseWaiting();
      return this.queue.length === 0;
    }
    this.retryMs = RETRY_MIN_MS;
    this.committed(batch);
    if (this.scheduled && this.queue.length === 0) this.cancelScheduled();
    batch.forEach((q, i) => q.onCommitted?.(ids[i] ?? 0));
    this.releaseWaiting();
    return this.queue.length === 0;
  }

  private releaseWaiting(): void {
    if (this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /**
   * The end of the process: one last commit of what is queued and, if the database still refuses it (held
   * locked past busy_timeout, full disk), the events appended to the fsynced spill file at `spillPath`,
   * which the next start replays. Budget settlements queued with those events are not kept: their leases
   * are released as stale at a later start. Throws only if the spill file could not be written either.
   */
  drain(spillPath: string): { spilled: number } {
    if (this.flush()) return { spilled: 0 };
    const events = this.queue.map((q) => q.event);
    appendUsageSpill(spillPath, events);
    this.queue = [];
    this.cancelScheduled();
    this.releaseWaiting();
    return { spilled: events.length };
  }

  /**
   * Records events a process could not commit (a spill file) through the same write path as a group
   * commit, in one transaction, skipping any already recorded (by request id and attempt), so replaying
   * the same events twice records them once. Returns how many were new.
   */
  replay(events: readonly UsageEvent[]): number {
    this.flush();
    const recorded = this.replayBatch.immediate(events);
    this.committed(null);
    return recorded;
  }

  private failed(batch: Queued[], error: unknown): void {
    if (!isTransient(error)) {
      // Not something time fixes (a constraint, a bug): the others commit one by one, the culprit is reported.
      for (const [i, q] of batch.entries()) {
        try {
          q.onCommitted?.(this.writeOne(q));
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
    const handle = setTimeout(() => this.scheduledFlush(), this.retryMs);
    handle.unref();
    this.scheduled = { kind: 'retry', handle };
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private cancelScheduled(): void {
    if (this.scheduled?.kind === 'now') clearImmediate(this.scheduled.handle);
    else if (this.scheduled) clearTimeout(this.scheduled.handle);
    this.scheduled = null;
  }

  private writeOne(q: Queued): number {
    const id = this.writeBatch.immediate([q])[0] ?? 0;
    this.committed([q]);
    return id;
  }

  /** Inside a transaction: the events' rows, then each rollup row they touch, written once with their sums. */
  private writeEvents(batch: readonly Queued[]): number[] {
    for (const part of this.batchParts) part.begin();
    let written = false;
    try {
      const ids = this.writeRows(batch);
      for (const part of this.batchParts) part.end(true);
      written = true;
      return ids;
    } finally {
      if (!written) for (const part of this.batchParts) part.end(false);
    }
  }

  private writeRows(batch: readonly Queued[]): number[] {
    const families = this.families.map((family) => ({ family, deltas: new RollupDeltas(family.base) }));
    let latest = -Infinity;
    let earliest = Infinity;
    const ids = batch.map(({ event, alsoInTransaction }) => {
      const id = Number(this.insertEvent.run(...eventRow(event)).lastInsertRowid);
      for (const { deltas } of families) deltas.add(event);
      if (event.createdAt > latest) latest = event.createdAt;
      if (event.createdAt < earliest) earliest = event.createdAt;
      alsoInTransaction?.();
      return id;
    });
    // The windows before the newest event's are sealed from the rows written so far; only events arriving
    // late for a sealed window are added to its monthly rows.
    if (batch.length === 0) return ids;
    const sealedEnd = this.monthlySeal.sealBefore(cachedMonthWindowStart(startOfHour(latest)));
    // A local day starts at most 25 h before its events: no event before sealedEnd, nothing to add to them.
    const anyLate = cachedMonthWindowStart(earliest - LOCAL_DAY_MAX_MS) < sealedEnd;
    for (const { family, deltas } of families) {
      for (const delta of deltas.values()) family.upsert(delta);
      for (const { table, upsert } of family.folded)
        for (const delta of deltas.foldedInto(table).values()) upsert(delta);
      if (anyLate)
        for (const { table, upsert } of family.monthly)
          for (const delta of deltas.foldedInto(table, sealedEnd).values()) upsert(delta);
    }
    if (anyLate) this.rebuildLateBlocks(families, sealedEnd);
    return ids;
  }

  /**
   * The window blocks that rows the batch wrote in sealed windows belong to, each family's of the windows of its
   * rows (`hour`: the hourly rows; `provider_day`: the daily ones, whose local day may begin in the window before
   * its events' hours). Taken from the rows' own buckets, so the window is always that of the row written.
   */
  private rebuildLateBlocks(
    families: readonly { family: { blocks: UsageBlockGrouping }; deltas: RollupDeltas }[],
    sealedEnd: number,
  ): void {
    for (const { family, deltas } of families) {
      const windows = new Set<number>();
      for (const { bucket } of deltas.values()) if (bucket < sealedEnd) windows.add(monthWindowStart(bucket));
      for (const window of windows) this.monthlySeal.addedLate(window, [family.blocks]);
    }
  }
}
