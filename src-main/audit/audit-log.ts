import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** The first row that does not fit the chain, or null. */
  firstBadId: number | null;
  message: string;
}

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

function rowHash(prevHash: string, r: Omit<AuditRow, 'id' | 'prevHash' | 'hash'> & { id: number }): string {
  const canonical = JSON.stringify([r.id, r.at, r.actor, r.action, r.target, r.before, r.after]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Append-only, hash-chained audit log. Each row's hash covers its id and the previous hash, and the head
 * (last id + hash) is kept in settings in the same transaction, so an edited, deleted, reordered or
 * truncated log fails `verify()`.
 */
export class AuditLog {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
  ) {}

  append(entry: AuditEntry): AuditRow {
    const { sqlite } = this.store;
    return immediate(sqlite, () => {
      const last = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
        { id: number; hash: string } | undefined;
      const prevHash = last?.hash ?? GENESIS;
      const row = {
        id: (last?.id ?? 0) + 1,
        at: this.clock.now(),
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        before: json(entry.before),
        after: json(entry.after),
      };
      const hash = rowHash(prevHash, row);
      sqlite
        .prepare(
          'INSERT INTO audit_log (id, at, actor, action, target, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(row.id, row.at, row.actor, row.action, row.target, row.before, row.after, prevHash, hash);
      sqlite
        .prepare(
          'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
        )
        .run(HEAD_KEY, JSON.stringify({ id: row.id, hash }), row.at);
      return { ...row, prevHash, hash };
    });
  }

  list(options: { limit?: number; action?: string; actor?: string; since?: number; until?: number } = {}): AuditRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.action) {
      where.push('action LIKE ?');
      params.push(`${options.action}%`);
    }
    if (options.actor) {
      where.push('actor = ?');
      params.push(options.actor);
    }
    if (options.since !== undefined) {
      where.push('at >= ?');
      params.push(options.since);
    }
    if (options.until !== undefined) {
      where.push('at < ?');
      params.push(options.until);
    }
    params.push(options.limit ?? 200);
    return this.store.sqlite
      .prepare(
        `SELECT id, at, actor, action, target, before, after, prev_hash AS prevHash, hash FROM audit_log
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params) as AuditRow[];
  }

  verify(): AuditVerification {
    const rows = this.store.sqlite
      .prepare(
        'SELECT id, at, actor, action, target, before, after, prev_hash AS prevHash, hash FROM audit_log ORDER BY id',
      )
      .iterate() as IterableIterator<AuditRow>;
    let prev = GENESIS;
    let expectedId = 1;
    let count = 0;
    for (const row of rows) {
      count++;
      if (row.id !== expectedId)
        return bad(row.id, count, `Row ${expectedId} is missing: the log was cut or rows were deleted.`);
      if (row.prevHash !== prev) return bad(row.id, count, `Row ${row.id} does not follow row ${row.id - 1}.`);
      if (rowHash(prev, row) !== row.hash)
        return bad(row.id, count, `Row ${row.id} was modified after it was written.`);
      prev = row.hash;
      expectedId++;
    }
    const head = this.store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(HEAD_KEY) as
      { value: string } | undefined;
    const headRow = head ? (JSON.parse(head.value) as { id: number; hash: string }) : null;
    if ((headRow?.id ?? 0) !== count || (headRow && headRow.hash !== prev))
      return bad(
        count + 1,
        count,
        `The log ends at row ${count} but ${headRow?.id ?? 0} rows were written: rows were removed at the end.`,
      );
    return { ok: true, rows: count, firstBadId: null, message: `All ${count} audit rows verify.` };
  }
}

function bad(id: number, rows: number, message: string): AuditVerification {
  return { ok: false, rows, firstBadId: id, message };
}
