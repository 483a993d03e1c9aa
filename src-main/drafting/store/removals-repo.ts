import type { Dependents } from '@contract';
import { immediate, type DatabaseHandle } from '../../db/client';
import { AppError } from '../../errors';

/** Which rows an outbox task is about: its completion target (a document or a posting id). */
const OUTBOX_TARGET = `json_extract(payload, '$.completion.target')`;

type Owner = 'candidate' | 'job' | 'document';

const DOCUMENTS_OF: Record<Owner, string> = {
  candidate: 'SELECT id FROM documents WHERE candidate_id = ?',
  job: 'SELECT id FROM documents WHERE job_posting_id = ?',
  document: 'SELECT id FROM documents WHERE id = ?',
};

const EXISTS: Record<Owner, string> = {
  candidate: 'SELECT 1 FROM candidates WHERE id = ?',
  job: 'SELECT 1 FROM job_postings WHERE id = ?',
  document: 'SELECT 1 FROM documents WHERE id = ?',
};

const NOT_FOUND: Record<Owner, string> = {
  candidate: 'That candidate does not exist (any more).',
  job: 'That job posting does not exist (any more).',
  document: 'That document does not exist (any more).',
};

/**
 * Deleting candidates, postings and documents with everything that hangs off them, each in one transaction.
 * Documents, versions and validation reports go by the schema's ON DELETE CASCADE; queued tasks are matched here.
 */
export class RemovalsRepo {
  constructor(private readonly store: DatabaseHandle) {}

  /** For a posting, `documents` are the ones that stay (without the link); only its own queued tasks go. */
  dependents(owner: Owner, id: string): Dependents {
    const db = this.store.sqlite;
    if (!db.prepare(EXISTS[owner]).get(id)) throw new AppError('not_found', NOT_FOUND[owner]);
    const docs = DOCUMENTS_OF[owner];
    const count = (sql: string, ...args: unknown[]) =>
      (db
        .prepare(sql)
        .pluck()
        .get(...args) as number | null) ?? 0;
    const taskTargets = owner === 'job' ? 'SELECT ?' : `${docs}`;
    return {
      documents: count(`SELECT count(*) FROM (${docs})`, id),
      versions: count(`SELECT count(*) FROM document_versions WHERE document_id IN (${docs})`, id),
      validations: count(`SELECT count(*) FROM validation_reports WHERE document_id IN (${docs})`, id),
      queuedTasks: count(
        `SELECT count(*) FROM outbox WHERE status IN ('queued', 'running', 'failed') AND ${OUTBOX_TARGET} IN (${taskTargets})`,
        id,
      ),
    };
  }

  /**
   * Removes the row and what goes with it in one transaction; `afterDelete` runs inside it (the audit entry),
   * so either all of it is stored or none. Finished outbox rows of the same targets go too: they hold the prompt.
   */
  delete(owner: Owner, id: string, afterDelete: (removed: Dependents) => void = () => undefined): Dependents {
    const db = this.store.sqlite;
    return immediate(db, () => {
      const removed = this.dependents(owner, id);
      const taskTargets = owner === 'job' ? 'SELECT ?' : DOCUMENTS_OF[owner];
      db.prepare(`DELETE FROM outbox WHERE ${OUTBOX_TARGET} IN (${taskTargets})`).run(id);
      const table = { candidate: 'candidates', job: 'job_postings', document: 'documents' }[owner];
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      if (owner === 'candidate')
        db.prepare("DELETE FROM data_policies WHERE scope = 'candidate' AND target = ?").run(id);
      afterDelete(removed);
      return removed;
    });
  }

  /**
   * Erasure: the same delete with secure_delete on (freed pages and cells are overwritten with zeros), then a
   * VACUUM, then a TRUNCATE checkpoint so the WAL frames that held the old pages are gone from disk too. The VACUUM
   * matters: copies of a row that b-tree rebalancing left behind earlier (in free space of a page, or in a page on
   * the free list, written while secure_delete was off) are not the row's cell and survive the delete; rebuilding
   * the file leaves none.
   */
  erase(id: string, afterDelete: (removed: Dependents) => void): { removed: Dependents; walTruncated: boolean } {
    const db = this.store.sqlite;
    const before = db.pragma('secure_delete', { simple: true }) as number;
    db.pragma('secure_delete = ON');
    try {
      const removed = this.delete('candidate', id, afterDelete);
      // The delete is committed: a VACUUM that cannot run now (another writer past busy_timeout) must not report the
      // erase as failed; it is reported like a WAL that could not be emptied yet.
      const vacuumed = tryVacuum(db);
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      return { removed, walTruncated: vacuumed && result?.busy === 0 };
    } finally {
      db.pragma(`secure_delete = ${before}`);
    }
  }
}

function tryVacuum(db: DatabaseHandle['sqlite']): boolean {
  try {
    db.exec('VACUUM');
    return true;
  } catch {
    return false;
  }
}
