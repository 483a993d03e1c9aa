import Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { AppError } from '../errors';
import type { Sqlite } from '../db/client';
import { appliedByNewerVersion } from '../db/migrate';

/** Rows a backup holds, per kind of record a user would recognise. */
export interface BackupCounts {
  candidates: number;
  jobPostings: number;
  documents: number;
  documentVersions: number;
  usageEvents: number;
  auditEntries: number;
}

export interface BackupReport {
  path: string;
  sizeBytes: number;
  integrity: 'ok';
  /** Migrations the backup has applied, and how many this app ships. */
  schema: { applied: number; app: number; status: 'current' | 'older' };
  counts: BackupCounts;
}

const COUNTED: Record<keyof BackupCounts, string> = {
  candidates: 'candidates',
  jobPostings: 'job_postings',
  documents: 'documents',
  documentVersions: 'document_versions',
  usageEvents: 'usage_events',
  auditEntries: 'audit_log',
};
/** Tables every Aditus database has had since its first migration. */
const CORE_TABLES = ['__drizzle_migrations', 'settings', 'provider_configs', 'usage_events', 'audit_log'];
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

const refuse = (reason: string, message: string, path: string): AppError =>
  new AppError('invalid_input', message, { reason, file: path });

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The header's page size and page count against the file's length: a cut copy is named as such. Returns
 * whether the file is marked WAL (a copy of a live database rather than a backup this app wrote).
 */
function checkHeader(file: string, path: string, sizeBytes: number): boolean {
  const header = readHeader(file);
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC))
    throw refuse('not_sqlite', `${path} is not an Aditus backup: it is not a SQLite database.`, path);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The header's page count is only valid when its "version-valid-for" matches the change counter.
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (countValid && pageCount > 0 && sizeBytes < pageSize * pageCount)
    throw refuse(
      'truncated',
      `${path} is a damaged backup: it is cut short (${sizeBytes} of ${pageSize * pageCount} bytes).`,
      path,
    );
  return header[18] === 2 || header[19] === 2;
}

function tableNames(db: Sqlite): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

type Migrator = typeof import('drizzle-orm/migrator');

function schemaOf(db: Sqlite, path: string, migrationsDir: string): BackupReport['schema'] {
  // Required here, not at start-up: drizzle is loaded only by the code that needs it (see db/migrate.ts).
  const { readMigrationFiles } = createRequire(__filename)('drizzle-orm/migrator') as Migrator;
  const known = readMigrationFiles({ migrationsFolder: migrationsDir });
  const knownHashes = new Set(known.map((m) => m.hash));
  const lastKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const applied = db.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations').all() as {
    hash: string;
    createdAt: number;
  }[];
  const unknown = applied.filter((m) => !knownHashes.has(m.hash));
  const newer = appliedByNewerVersion(
    { count: applied.length, newest: applied.length ? Math.max(...applied.map((m) => Number(m.createdAt))) : null },
    { count: known.length, newest: lastKnown },
  );
  if (unknown.length > 0 || newer)
    throw new AppError(
      'conflict',
      newer
        ? `${path} was made by a newer version of Aditus (${applied.length} schema migrations applied; this app knows ${known.length}): update Aditus before restoring it.`
        : `${path} has schema migrations this version of Aditus does not know: it was not made by this app.`,
      { reason: 'newer_schema', file: path, applied: applied.length, app: known.length },
    );
  return { applied: applied.length, app: known.length, status: applied.length === known.length ? 'current' : 'older' };
}

function countsOf(db: Sqlite, tables: Set<string>): BackupCounts {
  const counts = {} as BackupCounts;
  for (const [key, table] of Object.entries(COUNTED) as [keyof BackupCounts, string][])
    counts[key] = tables.has(table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
  return counts;
}

/**
 * Checks that `path` is a whole, undamaged Aditus database this app can open: a SQLite file, not cut short,
 * integrity_check ok, the app's tables, and no schema migration this app does not know. Returns its schema
 * version and counts; anything else is refused with a typed error saying why. Opens the file read-only.
 */
export function verifyBackup(file: string, migrationsDir: string, shownAs = file): BackupReport {
  const path = shownAs;
  let sizeBytes: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw refuse('not_a_file', `${path} is not a file.`, path);
    sizeBytes = stat.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse('unreadable', `${path} cannot be read (${(err as { code?: string }).code ?? String(err)}).`, path);
  }
  if (!checkHeader(file, path, sizeBytes)) return inspect(file, path, sizeBytes, migrationsDir);
  // A WAL-marked file would need -wal/-shm files beside it even read-only: inspect a private copy instead.
  const dir = mkdtempSync(join(tmpdir(), 'aditus-verify-'));
  try {
    const copy = join(dir, 'backup.db');
    copyFileSync(file, copy);
    try {
      const db = new Database(copy);
      db.pragma('journal_mode = DELETE');
      db.close();
    } catch (err) {
      throw refuse('corrupt', `${path} cannot be opened as a database (${String(err)}).`, path);
    }
    return inspect(copy, path, sizeBytes, migrationsDir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function inspect(file: string, path: string, sizeBytes: number, migrationsDir: string): BackupReport {
  let db: Sqlite;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw refuse('corrupt', `${path} cannot be opened as a database (${String(err)}).`, path);
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma('integrity_check(5)') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join('; ');
    } catch (err) {
      throw refuse(
        'corrupt',
        `${path} is a damaged database: ${err instanceof Error ? err.message : String(err)}.`,
        path,
      );
    }
    if (integrity !== 'ok')
      throw refuse('corrupt', `${path} is a damaged database: integrity check failed (${integrity}).`, path);
    const tables = tableNames(db);
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0)
      throw refuse(
        'foreign',
        `${path} is a SQLite database but not an Aditus backup (no ${missing.join(', ')} table${missing.length === 1 ? '' : 's'}).`,
        path,
      );
    return {
      path,
      sizeBytes,
      integrity: 'ok',
      schema: schemaOf(db, path, migrationsDir),
      counts: countsOf(db, tables),
    };
  } finally {
    db.close();
  }
}
