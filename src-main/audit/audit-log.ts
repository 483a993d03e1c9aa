import { createHash, randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import type { SecretStore } from '../secrets/secret-store';
import { checkpointIsSealed, checkpointMac, type StoredCheckpoint } from './audit-checkpoint';
import {
  GENESIS,
  decodeHead,
  encodeHead,
  keyedRowHash,
  legacyRowHash,
  type AuditHead,
  type ChainedFields,
} from './audit-chain';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

/** A stored row: the chained fields plus the link to the previous row and the row's own hash. */
export interface AuditRow extends ChainedFields {
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

/** What a retention purge of the audit log would remove, or did; `blocked` says why nothing can be. */
export interface AuditPrune {
  rows: number;
  /** The last pruned row id (the new checkpoint), or null when nothing is pruned. */
  throughId: number | null;
  blocked: string | null;
}

/** Where the pre-upgrade code kept its (unkeyed) head; read once, at the upgrade. */
const LEGACY_HEAD_KEY = 'audit.head';
const ROW_COLUMNS = 'id, at, actor, action, target, before, after, prev_hash AS prevHash, hash';
const CHECKPOINT_COLUMNS = 'through_id AS throughId, hash, pruned_rows AS prunedRows, before, at, mac';

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** One database file, one key and one head: keychain accounts are named after its resolved folder. */
export function auditIdentity(databasePath: string): string {
  return createHash('sha256')
    .update(resolve(dirname(databasePath)))
    .digest('hex')
    .slice(0, 24);
}

type KeyState = { kind: 'ready'; key: Buffer } | { kind: 'unavailable'; reason: string } | { kind: 'missing' };

/**
 * Append-only audit log, chained with HMAC-SHA256 under a key kept in the OS keychain, with the head (last
 * id, count, hash; itself MACed) in the keychain too, so whoever has only the database file cannot cut,
 * rewrite, reorder or wipe it unnoticed. See docs/security-model.md for the design and its limits.
 *
 * `append()` stays synchronous (callers write their change and its entry in one transaction); the keychain
 * is async, so `open()` (run by start-up, and by `verify()`) loads the key, and each append then moves the
 * keychain head in a queued step right after its commit.
 */
export class AuditLog {
  private readonly identity: string;
  private state: KeyState | null = null;
  private opening: Promise<void> | null = null;
  private anchoring: Promise<void> = Promise.resolve();
  /** Rows this instance wrote without the key (before start-up, or keychain locked), resealed once it loads. */
  private unsealed: { id: number; hash: string }[] = [];

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly secrets: SecretStore,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.identity = auditIdentity(store.path);
  }

  private get keyAccount(): string {
    return `audit-key:${this.identity}`;
  }

  private get headAccount(): string {
    return `audit-head:${this.identity}`;
  }

  /**
   * Loads the key unless a load was already tried (a locked keychain is then tried again by the next append,
   * as before): what dispatch runs before a call that may write an entry, so the entry is sealed as written.
   */
  openOnce(): Promise<void> {
    return this.state === null ? this.open() : Promise.resolve();
  }

  /** Loads the key (creating it, and anchoring a pre-upgrade chain, on first use). Never throws. */
  open(): Promise<void> {
    if (this.state?.kind === 'ready') return Promise.resolve();
    return (this.opening ??= this.load().finally(() => {
      this.opening = null;
    }));
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.secrets.get(this.keyAccount);
      if (stored) {
        const key = Buffer.from(stored, 'base64');
        // A key without a head: a crash between the two writes below. Rows the key sealed would fail the
        // pre-key check, so this cannot bless a keyed log.
        if (!(await this.secrets.get(this.headAccount)))
          await this.secrets.set(this.headAccount, encodeHead(key, this.identity, this.legacyAnchor()));
        this.state = { kind: 'ready', key };
        if (this.reseal(key)) this.queueAnchor(key);
        return;
      }
      if (await this.secrets.get(this.headAccount)) {
        // A head without its key: the key was removed, so nothing can be checked; never silently re-key.
        this.state = { kind: 'missing' };
        return;
      }
      await this.secrets.set(this.keyAccount, randomBytes(32).toString('base64'));
      // Two processes starting together on one folder: both write a key, the last one wins; use what is stored.
      const written = await this.secrets.get(this.keyAccount);
      if (!written) throw new Error('the audit key could not be read back from the keychain');
      const key = Buffer.from(written, 'base64');
      await this.secrets.set(this.headAccount, encodeHead(key, this.identity, this.legacyAnchor()));
      this.state = { kind: 'ready', key };
      this.unsealed = []; // part of the anchored pre-key chain now
    } catch (err) {
      this.state = { kind: 'unavailable', reason: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
    }
  }

  /** First use of a key on this database: whatever rows exist were written by the old SHA-256 code. */
  private legacyAnchor(): AuditHead {
    const check = this.walk((prev, row) => legacyRowHash(prev, row) === row.hash);
    const legacy = this.store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(LEGACY_HEAD_KEY) as
      { value: string } | undefined;
    const legacyHead = legacy ? (JSON.parse(legacy.value) as { id: number; hash: string }) : null;
    let problem = check.problem;
    // Rows appended before the first open() (no key yet) have no settings head; a present one must match.
    if (!problem && legacyHead && (legacyHead.id !== check.count || legacyHead.hash !== check.lastHash))
      problem = {
        firstBadId: check.count + 1,
        message: `The log ends at row ${check.count} but ${legacyHead.id} rows were written: rows were removed at the end.`,
      };
    return {
      legacyId: check.count,
      legacyHash: check.lastHash,
      legacyProblem: problem,
      id: check.count,
      count: check.count,
      hash: check.lastHash,
    };
  }

  /**
   * Re-chains under the key the rows this instance wrote without it, if they are still the untouched tail
   * (same ids and hashes); rows from elsewhere are left for verify() to report.
   */
  private reseal(key: Buffer): boolean {
    const pending = this.unsealed;
    this.unsealed = [];
    if (pending.length === 0) return false;
    const { sqlite } = this.store;
    return immediate(sqlite, () => {
      const tail = sqlite
        .prepare(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE id >= ? ORDER BY id`)
        .all(pending[0]!.id) as AuditRow[];
      if (tail.length !== pending.length || tail.some((r, i) => r.id !== pending[i]!.id || r.hash !== pending[i]!.hash))
        return false;
      const update = sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
      let prev = tail[0]!.prevHash;
      for (const row of tail) {
        const hash = keyedRowHash(key, prev, row);
        update.run(prev, hash, row.id);
        prev = hash;
      }
      return true;
    });
  }

  append(entry: AuditEntry): AuditRow {
    const { sqlite } = this.store;
    const key = this.state?.kind === 'ready' ? this.state.key : null;
    const written = immediate(sqlite, () => {
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
      // Without the key (keychain locked, or before start-up) the action still gets its row, unkeyed;
      // verify() then reports it as not sealed rather than the app failing the user's action.
      const hash = key ? keyedRowHash(key, prevHash, row) : legacyRowHash(prevHash, row);
      sqlite
        .prepare(
          'INSERT INTO audit_log (id, at, actor, action, target, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(row.id, row.at, row.actor, row.action, row.target, row.before, row.after, prevHash, hash);
      return { ...row, prevHash, hash };
    });
    if (key) this.queueAnchor(key);
    else {
      this.unsealed.push({ id: written.id, hash: written.hash });
      void this.open();
    }
    return written;
  }

  /**
   * Resolves once every queued keychain head update has run (dispatch, verify and tests wait for it), and the
   * first key load if it is under way (it reseals the rows appended before it; a retry after a failed load, a
   * keychain that may wait for the user to unlock it, is not waited for).
   */
  async settled(): Promise<void> {
    if (this.opening && this.state === null) await this.opening;
    await this.anchoring;
  }

  private queueAnchor(key: Buffer): void {
    this.anchoring = this.anchoring.then(() =>
      this.anchor(key).catch((err: unknown) =>
        this.log(`audit: the keychain head was not updated (${err instanceof Error ? err.message : String(err)})`),
      ),
    );
  }

  /**
   * Moves the keychain head to the database's tail, but only if the tail still extends the anchored head:
   * a cut or rewritten log is never re-anchored, so the next append does not heal it.
   */
  private async anchor(key: Buffer): Promise<void> {
    const stored = await this.secrets.get(this.headAccount);
    const head = stored ? decodeHead(key, this.identity, stored) : null;
    if (!head) throw new Error('the anchored head is missing or invalid; not re-anchoring');
    const tail = this.store.sqlite.prepare(`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY id DESC LIMIT 1`).get() as
      AuditRow | undefined;
    if (!tail || tail.id <= head.id) return;
    // Only a keyed tail is anchored: an unsealed row (another process without the key) may still be resealed.
    if (keyedRowHash(key, tail.prevHash, tail) !== tail.hash) return;
    if (head.id > 0) {
      const at = this.store.sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').get(head.id) as
        { hash: string } | undefined;
      if (at?.hash !== head.hash)
        throw new Error(`row ${head.id} no longer matches the anchored head; not re-anchoring`);
    }
    // Rows pruned by retention still count: the head counts every row ever written.
    const count = this.store.sqlite
      .transaction(
        () =>
          (this.store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n +
          (this.latestCheckpoint()?.throughId ?? 0),
      )
      .deferred();
    await this.secrets.set(
      this.headAccount,
      encodeHead(key, this.identity, { ...head, id: tail.id, count, hash: tail.hash }),
    );
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

  /** The checkpoint in effect (the newest), or null when the log was never pruned. */
  private latestCheckpoint(): StoredCheckpoint | null {
    return (
      (this.store.sqlite
        .prepare(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY through_id DESC, id DESC LIMIT 1`)
        .get() as StoredCheckpoint | undefined) ?? null
    );
  }

  /**
   * The prefix a purge of the rows written before `cutoff` would remove: from the row after the checkpoint up
   * to the last row before the first one written at or after `cutoff`; the newest row always stays (the chain
   * goes on from it), and so does the row the keychain head points at (`headId`, when known).
   */
  private prefixBefore(cutoff: number, headId?: number): { rows: number; throughId: number | null } {
    const { sqlite } = this.store;
    const { firstKept, lastId } = sqlite
      .prepare('SELECT (SELECT min(id) FROM audit_log WHERE at >= ?) AS firstKept, max(id) AS lastId FROM audit_log')
      .get(cutoff) as { firstKept: number | null; lastId: number | null };
    if (lastId === null) return { rows: 0, throughId: null };
    let through = Math.min((firstKept ?? lastId + 1) - 1, lastId - 1);
    if (headId !== undefined) through = Math.min(through, headId - 1);
    const rows = (sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE id <= ?').get(through) as { n: number }).n;
    return rows > 0 ? { rows, throughId: through } : { rows: 0, throughId: null };
  }

  /** What `pruneBefore(cutoff)` would remove now (rows are exact; a purge also needs the audit key). */
  prunable(cutoff: number): AuditPrune {
    const blocked =
      this.state?.kind === 'ready' || this.state === null
        ? null
        : 'the audit key in the OS keychain is not available, so the log cannot be checkpointed';
    return { ...this.prefixBefore(cutoff), blocked };
  }

  /**
   * Removes the rows written before `cutoff` as a prefix and records a checkpoint sealed with the audit key
   * (the last pruned row's id and hash), from which `verify()` starts. Only a log that verifies is pruned:
   * a purge never hides tampering.
   */
  async pruneBefore(cutoff: number): Promise<AuditPrune> {
    await this.open();
    const state = this.state;
    if (state?.kind !== 'ready')
      return { rows: 0, throughId: null, blocked: 'the audit key in the OS keychain is not available' };
    const verification = await this.verify();
    if (!verification.ok)
      return { rows: 0, throughId: null, blocked: `the audit log does not verify: ${verification.message}` };
    const stored = await this.secrets.get(this.headAccount);
    const head = stored ? decodeHead(state.key, this.identity, stored) : null;
    if (!head) return { rows: 0, throughId: null, blocked: 'the audit head in the OS keychain is missing' };
    const { sqlite } = this.store;
    return immediate(sqlite, () => {
      const { rows, throughId } = this.prefixBefore(cutoff, head.id);
      if (throughId === null) return { rows: 0, throughId: null, blocked: null };
      const last = sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').get(throughId) as { hash: string };
      const checkpoint = { throughId, hash: last.hash, prunedRows: rows, before: cutoff, at: this.clock.now() };
      sqlite.prepare('DELETE FROM audit_log WHERE id <= ?').run(throughId);
      sqlite
        .prepare(
          'INSERT INTO audit_checkpoints (through_id, hash, pruned_rows, before, at, mac) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(throughId, last.hash, rows, cutoff, checkpoint.at, checkpointMac(state.key, this.identity, checkpoint));
      return { rows, throughId, blocked: null };
    });
  }

  async verify(): Promise<AuditVerification> {
    await this.open();
    await this.settled();
    const state = this.state;
    if (!state || state.kind === 'unavailable')
      return bad(
        null,
        0,
        `The audit log cannot be checked: the OS keychain is unavailable (${state?.reason ?? 'unknown'}).`,
      );
    if (state.kind === 'missing')
      return bad(null, 0, 'The audit key is missing from the OS keychain, so the log cannot be trusted.');
    const stored = await this.secrets.get(this.headAccount).catch(() => null);
    const head = stored ? decodeHead(state.key, this.identity, stored) : null;
    if (!head)
      return bad(null, 0, 'The audit head in the OS keychain is missing or was not written with the audit key.');
    if (head.legacyProblem) return bad(head.legacyProblem.firstBadId, head.legacyId, head.legacyProblem.message);
    // One read snapshot: a purge in another process commits the checkpoint and the cut together.
    const { checkpoint, check } = this.store.sqlite
      .transaction(() => {
        const cp = this.latestCheckpoint();
        const walked = this.walk(
          (prev, row) => {
            if (row.id <= head.legacyId) return legacyRowHash(prev, row) === row.hash;
            return keyedRowHash(state.key, prev, row) === row.hash;
          },
          head,
          cp ? { id: cp.throughId, hash: cp.hash } : undefined,
        );
        return { checkpoint: cp, check: walked };
      })
      .deferred();
    if (checkpoint && !checkpointIsSealed(state.key, this.identity, checkpoint))
      return bad(
        checkpoint.throughId + 1,
        0,
        'The retention checkpoint of the audit log was modified or forged: it is not sealed with the audit key.',
      );
    if (checkpoint && checkpoint.throughId >= head.id)
      return bad(
        checkpoint.throughId,
        0,
        `The retention checkpoint (row ${checkpoint.throughId}) lies beyond the head anchored in the keychain (row ${head.id}).`,
      );
    if (check.problem) return bad(check.problem.firstBadId, check.count, check.problem.message);
    if (check.count < head.count)
      return bad(
        check.count + 1,
        check.count,
        check.count === 0
          ? `The log is empty but ${head.count} rows were written: it was wiped.`
          : `The log ends at row ${check.count} but ${head.count} rows were written: rows were removed at the end.`,
      );
    const unanchored = check.count - head.count;
    const pruned = checkpoint ? checkpoint.throughId : 0;
    const what =
      pruned > 0
        ? `All ${check.count - pruned} audit rows kept verify from the retention checkpoint (rows 1–${pruned} pruned)`
        : `All ${check.count} audit rows verify`;
    return {
      ok: true,
      rows: check.count,
      firstBadId: null,
      message:
        unanchored > 0
          ? `${what} (the last ${unanchored} not yet anchored in the keychain; the next append anchors them).`
          : `${what}.`,
    };
  }

  /**
   * After a restore swapped in a copy of the database: the keychain head still names the replaced log's
   * tail. If every row of the restored log verifies under this folder's key, the head moves to its tail
   * (the rows only the replaced database had stay in that kept-aside file). Null when re-anchored, else why not.
   */
  async reanchorRestored(): Promise<string | null> {
    await this.open();
    await this.settled();
    const state = this.state;
    if (state?.kind !== 'ready') return 'the audit key is not available in the OS keychain';
    const stored = await this.secrets.get(this.headAccount).catch(() => null);
    const head = stored ? decodeHead(state.key, this.identity, stored) : null;
    if (!head) return 'the audit head in the OS keychain is missing or invalid';
    // Rows a retention purge pruned from the restored log start after its sealed checkpoint, as in verify().
    const checkpoint = this.latestCheckpoint();
    if (checkpoint && !checkpointIsSealed(state.key, this.identity, checkpoint))
      return 'the retention checkpoint of the restored log is not sealed with this audit key';
    const check = this.walk(
      (prev, row) =>
        row.id <= head.legacyId
          ? legacyRowHash(prev, row) === row.hash
          : keyedRowHash(state.key, prev, row) === row.hash,
      undefined,
      checkpoint ? { id: checkpoint.throughId, hash: checkpoint.hash } : undefined,
    );
    if (check.problem) return `${check.problem.message} (a backup from another computer has another audit key)`;
    await this.secrets.set(
      this.headAccount,
      encodeHead(state.key, this.identity, { ...head, id: check.count, count: check.count, hash: check.lastHash }),
    );
    return null;
  }

  /**
   * Walks the chain in id order: contiguous ids, each row pointing at the previous hash, `rowOk` for its own
   * hash, and (given a head) the legacy and head rows matching the keychain. Stops at the first bad row.
   */
  private walk(
    rowOk: (prevHash: string, row: AuditRow) => boolean,
    head?: AuditHead,
    from?: { id: number; hash: string },
  ): { count: number; lastHash: string; problem: { firstBadId: number; message: string } | null } {
    const rows = this.store.sqlite
      .prepare(`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY id`)
      .iterate() as IterableIterator<AuditRow>;
    let prev = from?.hash ?? GENESIS;
    let count = from?.id ?? 0;
    const stop = (firstBadId: number, message: string) => ({ count, lastHash: prev, problem: { firstBadId, message } });
    for (const row of rows) {
      const expectedId = count + 1;
      if (row.id !== expectedId)
        return stop(row.id, `Row ${expectedId} is missing: the log was cut or rows were deleted.`);
      if (row.prevHash !== prev) return stop(row.id, `Row ${row.id} does not follow row ${row.id - 1}.`);
      if (!rowOk(prev, row))
        return stop(
          row.id,
          head && row.id > head.legacyId
            ? `Row ${row.id} was modified or forged: it is not sealed with the audit key (or was written while the keychain was unavailable).`
            : `Row ${row.id} was modified after it was written.`,
        );
      if (head && row.id === head.legacyId && row.hash !== head.legacyHash)
        return stop(row.id, `Row ${row.id} does not match the chain anchored at the upgrade: the log was rewritten.`);
      if (head && row.id === head.id && row.hash !== head.hash)
        return stop(
          row.id,
          `Row ${row.id} does not match the head anchored in the keychain: the log was cut or rewritten.`,
        );
      count++;
      prev = row.hash;
    }
    return { count, lastHash: prev, problem: null };
  }
}

function bad(id: number | null, rows: number, message: string): AuditVerification {
  return { ok: false, rows, firstBadId: id, message };
}
