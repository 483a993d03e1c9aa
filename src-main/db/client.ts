import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, fstatSync, fchmodSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Sqlite = Database.Database;

export const DATABASE_FILE = 'aditus.db';

export interface OpenDatabaseOptions {
  dataDir: string;
  /** FULL trades speed for power-loss durability; NORMAL (default) survives a crash or kill of the app. */
  synchronous?: 'NORMAL' | 'FULL';
}

export interface DatabaseHandle {
  sqlite: Sqlite;
  path: string;
  close(): void;
}

/**
 * Creates the folder (and any missing parents) 0700 whatever the umask; an existing folder is left as it
 * is (it may be one the user chose and shares).
 */
export function ensurePrivateDir(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (first === undefined) return;
  for (let d = dir; ; d = dirname(d)) {
    chmodSync(d, 0o700);
    if (d === first || dirname(d) === d) break;
  }
}

/**
 * The file readable and writable by its owner only: created 0600 whatever the umask, and one left with
 * group or other bits (by an older version) is tightened. SQLite gives the -wal and -shm files it creates
 * the database file's mode.
 */
export function ensurePrivateFile(path: string, create: boolean): void {
  if (!create && !existsSync(path)) return;
  const fd = openSync(path, 'a', 0o600);
  try {
    const mode = fstatSync(fd).mode & 0o777;
    if (mode & 0o077) fchmodSync(fd, mode & 0o700);
  } finally {
    closeSync(fd);
  }
}

/**
 * better-sqlite3's native addon by its path, under plain Node (CLI, web host): its default lookup (the `bindings`
 * package) tries path after path and walks a stack trace, ~2-3 ms of every start. Undefined in Electron (its
 * packaged addon is unpacked from app.asar, which that lookup knows) or where the file is not (another build
 * layout): the default lookup then. Resolved once per process.
 */
let sqliteAddon: string | undefined | null = null;
function sqliteAddonPath(): string | undefined {
  if (sqliteAddon !== null) return sqliteAddon;
  sqliteAddon = undefined;
  if (process.versions.electron === undefined)
    try {
      sqliteAddon = createRequire(__filename).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    } catch {
      // The default lookup finds it, or says why not.
    }
  return sqliteAddon;
}

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  ensurePrivateDir(options.dataDir);
  const path = join(options.dataDir, DATABASE_FILE);
  ensurePrivateFile(path, true);
  for (const side of ['-wal', '-shm']) ensurePrivateFile(path + side, false);
  const addon = sqliteAddonPath();
  const sqlite = new Database(path, addon === undefined ? {} : { nativeBinding: addon });
  // A new file gets incremental auto-vacuum (it only takes before the first table and before WAL mode): a
  // retention purge can then hand free pages back to the disk in small steps, without rewriting the file.
  // Only on an empty file: on an existing one it would change nothing, yet it takes a write lock that another
  // process may hold (see settings/reclaim-space.ts for older files).
  if (sqlite.pragma('page_count', { simple: true }) === 0) sqlite.pragma('auto_vacuum = INCREMENTAL');
  // One exec for the settings below (each pragma() call prepares and steps a statement of its own).
  // A checkpoint (two fsyncs) runs inside whichever commit crosses the threshold. Every 10,000 WAL pages
  // (~40 MB) instead of SQLite's 1,000 keeps it off ~99.9% of calls rather than ~98% (bench: overhead p99).
  // Durability is unchanged: every commit is in the WAL either way.
  sqlite.exec(
    [
      'PRAGMA journal_mode = WAL',
      `PRAGMA synchronous = ${options.synchronous ?? 'NORMAL'}`,
      'PRAGMA wal_autocheckpoint = 10000',
      'PRAGMA busy_timeout = 5000',
      'PRAGMA foreign_keys = ON',
    ].join('; '),
  );
  return {
    sqlite,
    path,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * Runs `fn` in a BEGIN IMMEDIATE transaction: the write lock is taken up front, so two writers never
 * deadlock upgrading a read lock, and busy_timeout does the waiting.
 */
export function immediate<T>(sqlite: Sqlite, fn: () => T): T {
  return sqlite.transaction(fn).immediate();
}
