import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../errors';
import type { Sqlite } from '../db/client';

/** What a finished backup wrote. */
export interface WrittenBackup {
  path: string;
  sizeBytes: number;
}

/** The SQLite online backup API: page by page, consistent while this and other processes keep writing. */
export type OnlineBackup = (source: Sqlite, destination: string) => Promise<unknown>;
/**
 * After the first step the rest is copied in one step: one step reads one snapshot (in WAL mode writers go
 * on meanwhile), whereas SQLite restarts a many-step copy each time another process commits between steps.
 */
const onlineBackup: OnlineBackup = (source, destination) =>
  source.backup(destination, { progress: ({ totalPages }) => Math.max(totalPages, 100) });

const folderErrors = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR']);
const fullErrors = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** A backup failure as a typed error naming the folder; the partial file is already gone. */
export function backupErrorFrom(err: unknown, folder: string): AppError {
  const code = codeOf(err);
  if (fullErrors.has(code) || /database or disk is full/u.test(String(err)))
    return new AppError(
      'storage_full',
      `The disk holding ${folder} is full: free some space or choose another folder. No backup was written.`,
      { reason: 'disk_full', folder },
    );
  if (folderErrors.has(code) || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))
    return new AppError(
      'storage_error',
      `The folder ${folder} does not exist or cannot be written by this user (${code}). No backup was written.`,
      { reason: 'folder_unwritable', folder },
    );
  if (err instanceof AppError) return err;
  return new AppError(
    'storage_error',
    `The backup could not be written to ${folder}: ${err instanceof Error ? err.message : String(err)}. No backup was written.`,
    { reason: 'write_failed', folder },
  );
}

function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes a fresh copy self-contained (rollback journal instead of WAL, so it is one file that opens
 * read-only anywhere) and runs PRAGMA integrity_check on it: 'ok' or the first problems SQLite names.
 */
export function sealCopy(path: string): string {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const rows = db.pragma('integrity_check(5)') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/**
 * Copies the open database into `out` with SQLite's online backup API. The copy goes to a temporary file
 * in the target folder, is checked (integrity_check) and fsynced, and only then renamed over `out`; on any
 * failure (unwritable folder, full disk) the temporary file is removed and nothing is left at `out`.
 */
export async function writeBackup(
  source: Sqlite,
  out: string,
  backup: OnlineBackup = onlineBackup,
): Promise<WrittenBackup> {
  const target = resolve(out);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  try {
    // SQLite reports any unopenable file as CANTOPEN; the folder check names the cause (EROFS, EACCES, ENOENT).
    accessSync(folder, constants.W_OK);
    await backup(source, temp);
    const integrity = sealCopy(temp);
    if (integrity !== 'ok') throw new AppError('storage_error', `The copy failed its integrity check (${integrity}).`);
    fsyncPath(temp, 'r+');
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    for (const side of ['-journal', '-wal', '-shm']) rmSync(temp + side, { force: true });
    throw backupErrorFrom(err, folder);
  }
  try {
    fsyncPath(folder, 'r');
  } catch {
    // Some file systems cannot fsync a directory; the file itself is synced.
  }
  return { path: target, sizeBytes: statSync(target).size };
}
