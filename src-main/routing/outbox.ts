import { randomUUID } from 'node:crypto';
import type { Task } from '@contract';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import type { RouteRequest } from './types';

export interface OutboxPayload {
  idempotencyKey: string;
  task: Task;
  request: RouteRequest['request'];
  userId: string;
  providerName: string | null;
  /** The candidate whose data the request carries: its policy, masking and audit apply when it runs. */
  candidateData?: RouteRequest['candidateData'];
  /** What to do with the answer (e.g. store it in a document), by a handler registered for `kind`. */
  completion: OutboxCompletion;
}

export interface OutboxCompletion {
  kind: string;
  target: string | null;
  /** What the task is for, shown in the queue ("CV: Ana Lima — Backend engineer"). */
  label?: string;
  /** JSON the completion needs besides the answer (e.g. the local validation report to merge with). */
  context?: unknown;
}

export interface OutboxItem {
  id: string;
  idempotencyKey: string;
  task: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  completionKind: string;
  label: string | null;
}

const MAX_ATTEMPTS = 50;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 15 * 60_000;

/** Durable queue of tasks waiting for a provider. Claiming is atomic, so a task runs once. */
export class Outbox {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
  ) {}

  /** Returns the id of the (new or existing) item with this idempotency key; it is due at `notBefore` (default now). */
  enqueue(payload: OutboxPayload, notBefore?: number): string {
    return immediate(this.store.sqlite, () => {
      const existing = this.store.sqlite
        .prepare('SELECT id FROM outbox WHERE idempotency_key = ?')
        .get(payload.idempotencyKey) as { id: string } | undefined;
      if (existing) return existing.id;
      const id = randomUUID();
      const now = this.clock.now();
      this.store.sqlite
        .prepare(
          `INSERT INTO outbox (id, idempotency_key, task, payload, user_id, status, attempts, next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
        )
        .run(
          id,
          payload.idempotencyKey,
          payload.task,
          JSON.stringify(payload),
          payload.userId,
          Math.max(now, notBefore ?? now),
          now,
          now,
        );
      return id;
    });
  }

  list(includeFinished = false): OutboxItem[] {
    return (
      this.store.sqlite
        .prepare(
          `SELECT id, idempotency_key AS idempotencyKey, task, status, attempts, next_attempt_at AS nextAttemptAt,
            last_error AS lastError, created_at AS createdAt, updated_at AS updatedAt, payload FROM outbox
           ${includeFinished ? '' : "WHERE status IN ('queued', 'running')"} ORDER BY created_at`,
        )
        .all() as (OutboxItem & { payload: string })[]
    ).map(({ payload, ...item }) => {
      const { completion } = JSON.parse(payload) as OutboxPayload;
      return { ...item, completionKind: completion.kind, label: completion.label ?? null };
    });
  }

  cancel(id: string): boolean {
    return (
      this.store.sqlite
        .prepare("UPDATE outbox SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'queued'")
        .run(this.clock.now(), id).changes > 0
    );
  }

  /**
   * Atomically takes the due items (queued → running); another process draining at once gets none of them.
   * `everything`: the queued items whose next try is later too (a user asked to try now).
   */
  claimDue(limit = 10, everything = false): { id: string; payload: OutboxPayload; attempts: number }[] {
    return immediate(this.store.sqlite, () => {
      const now = this.clock.now();
      const dueBy = everything ? Number.MAX_SAFE_INTEGER : now;
      const rows = this.store.sqlite
        .prepare(
          "SELECT id, payload, attempts FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?",
        )
        .all(dueBy, limit) as { id: string; payload: string; attempts: number }[];
      const claim = this.store.sqlite.prepare("UPDATE outbox SET status = 'running', updated_at = ? WHERE id = ?");
      for (const r of rows) claim.run(now, r.id);
      return rows.map((r) => ({ id: r.id, payload: JSON.parse(r.payload) as OutboxPayload, attempts: r.attempts }));
    });
  }

  complete(id: string, result: unknown): void {
    this.store.sqlite
      .prepare("UPDATE outbox SET status = 'done', result = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?")
      .run(JSON.stringify(result), this.clock.now(), id);
  }

  /**
   * Back to the queue with exponential backoff (or not before `notBefore`, e.g. when a budget resets), or
   * failed for good after many tries or a permanent error. Returns whether it failed for good.
   */
  retryLater(id: string, attempts: number, error: string, permanent: boolean, notBefore?: number): boolean {
    const now = this.clock.now();
    const next = attempts + 1;
    const failed = permanent || next >= MAX_ATTEMPTS;
    const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(next - 1, 10));
    const delay = notBefore !== undefined ? Math.max(0, notBefore - now) : backoff;
    this.store.sqlite
      .prepare(
        'UPDATE outbox SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?',
      )
      .run(failed ? 'failed' : 'queued', next, error.slice(0, 500), now + delay, now, id);
    return failed;
  }

  /** Items left `running` by a process that died go back to the queue. */
  requeueInterrupted(olderThanMs: number): number {
    return this.store.sqlite
      .prepare("UPDATE outbox SET status = 'queued', updated_at = ? WHERE status = 'running' AND updated_at < ?")
      .run(this.clock.now(), this.clock.now() - olderThanMs).changes;
  }

  result(id: string): unknown {
    const row = this.store.sqlite.prepare('SELECT result FROM outbox WHERE id = ?').get(id) as
      { result: string | null } | undefined;
    return row?.result ? (JSON.parse(row.result) as unknown) : null;
  }
}
