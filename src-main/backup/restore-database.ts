import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import { DATABASE_FILE } from '../db/client';
import { otherRunningHost } from '../db/running-host';
import { sealCopy } from './write-backup';
import { verifyBackup, type BackupReport } from './verify-backup';

/** A verified backup waiting in the data folder to replace the database when it is next opened. */
const PENDING_PREFIX = `${DATABASE_FILE}.restore-pending-`;
export const REPLACED_PREFIX = `${DATABASE_FILE}.replaced-`;

export type RestoreSource = { path: string } | { bytes: Buffer; name: string };

export interface StagedRestore {
  report: BackupReport;
  /** The name the current database will be kept under, in the data folder. */
  replacedName: string;
}

export interface AppliedRestore {
  /** Where the database that was replaced is kept. */
  replacedPath: string;
  restoredAt: number;
}

const stampOf = (at: number) => new Date(at).toISOString().replace(/[:.]/gu, '-');

/** Refuses while another process (the desktop app, a web host) holds the database open. */
export function refuseWhileHostRuns(dataDir: string): void {
  const host = otherRunningHost(dataDir);
  if (host)
    throw new AppError(
      'conflict',
      `Aditus is running on this data folder (${host.host}, process ${host.pid}): close it first, or restore from its Settings page. Nothing was changed.`,
      { reason: 'host_running', pid: host.pid, host: host.host },
    );
}

function fsyncFile(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a directory.
  } finally {
    closeSync(fd);
  }
}

function pendingFiles(dataDir: string): string[] {
  try {
    return readdirSync(dataDir)
      .filter((n) => n.startsWith(PENDING_PREFIX) && !n.endsWith('.partial'))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Copies the backup into the data folder and verifies the copy (what is restored is exactly what was
 * checked). A refused file leaves nothing behind and nothing changed. The copy waits there, named with
 * the time, until `applyPendingRestore` swaps it in with the database closed.
 */
export function stageRestore(
  dataDir: string,
  source: RestoreSource,
  migrationsDir: string,
  now: number,
): StagedRestore {
  refuseWhileHostRuns(dataDir);
  const stamp = stampOf(now);
  const staged = join(dataDir, `${PENDING_PREFIX}${stamp}`);
  const partial = `${staged}.${randomBytes(4).toString('hex')}.partial`;
  const cleanUp = () => {
    for (const f of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  };
  try {
    if ('path' in source) {
      if (!existsSync(source.path))
        throw new AppError('invalid_input', `${source.path} does not exist.`, {
          reason: 'unreadable',
          file: source.path,
        });
      copyFileSync(source.path, partial);
    } else writeFileSync(partial, source.bytes, { mode: 0o600 });
    const shownAs = 'path' in source ? source.path : source.name;
    const report: BackupReport = verifyBackup(partial, migrationsDir, shownAs);
    if (sealCopy(partial) !== 'ok')
      throw new AppError('invalid_input', `${shownAs} failed its integrity check.`, { reason: 'corrupt' });
    fsyncFile(partial, 'r+');
    for (const old of pendingFiles(dataDir)) rmSync(join(dataDir, old), { force: true });
    renameSync(partial, staged);
    fsyncFile(dataDir, 'r');
    return { report, replacedName: `${REPLACED_PREFIX}${stamp}` };
  } catch (err) {
    cleanUp();
    throw err;
  }
}

/**
 * With the database closed in this process: if a verified backup is staged, keeps the current database
 * aside (`aditus.db.replaced-<time>`, WAL checkpointed into it first) and renames the backup over
 * `aditus.db` (one atomic rename; stale -wal/-shm removed before it). Null when nothing is staged. Refused
 * while another process holds the database.
 */
export function applyPendingRestore(dataDir: string, now: () => number = Date.now): AppliedRestore | null {
  const pending = pendingFiles(dataDir).at(-1);
  if (!pending) return null;
  refuseWhileHostRuns(dataDir);
  const database = join(dataDir, DATABASE_FILE);
  const replacedPath = join(dataDir, `${REPLACED_PREFIX}${pending.slice(PENDING_PREFIX.length)}`);
  if (existsSync(database)) {
    // Everything committed goes into the main file, so the copy kept aside is whole without its WAL.
    const db = new Database(database, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result && result.busy !== 0)
        throw new AppError('conflict', 'The database is in use by another process: close it, then try again.', {
          reason: 'database_busy',
        });
    } finally {
      db.close();
    }
    try {
      linkSync(database, replacedPath);
    } catch {
      copyFileSync(database, replacedPath);
    }
    fsyncFile(replacedPath, 'r');
  }
  for (const side of ['-wal', '-shm', '-journal']) rmSync(database + side, { force: true });
  renameSync(join(dataDir, pending), database);
  fsyncFile(dataDir, 'r');
  for (const older of pendingFiles(dataDir)) rmSync(join(dataDir, older), { force: true });
  return { replacedPath, restoredAt: now() };
}

/** Whether a verified backup is waiting to be swapped in. */
export function restorePending(dataDir: string): boolean {
  return pendingFiles(dataDir).length > 0;
}

/**
 * At start-up, before the database is opened: swaps in a staged backup unless another process holds the
 * database (then it waits for a later start). A failure is reported and the current database is used.
 */
export function applyPendingRestoreIfFree(dataDir: string, failed: (err: unknown) => void): AppliedRestore | null {
  if (!restorePending(dataDir) || otherRunningHost(dataDir)) return null;
  try {
    return applyPendingRestore(dataDir);
  } catch (err) {
    failed(err);
    return null;
  }
}

/**
 * The restored database could not be opened (a migration failed): puts the replaced database back and keeps
 * the restored copy aside as `aditus.db.restore-failed-<time>` for a look. Returns that path.
 */
export function undoRestore(dataDir: string, applied: AppliedRestore): string {
  const database = join(dataDir, DATABASE_FILE);
  const failedPath = join(dataDir, `${DATABASE_FILE}.restore-failed-${stampOf(applied.restoredAt)}`);
  for (const side of ['-wal', '-shm', '-journal']) rmSync(database + side, { force: true });
  if (existsSync(database)) renameSync(database, failedPath);
  if (existsSync(applied.replacedPath)) renameSync(applied.replacedPath, database);
  fsyncFile(dataDir, 'r');
  return failedPath;
}

/** Drops a staged backup that was not swapped in, so a later start does not restore it unasked. */
export function discardPendingRestore(dataDir: string): void {
  for (const name of pendingFiles(dataDir)) rmSync(join(dataDir, name), { force: true });
}
