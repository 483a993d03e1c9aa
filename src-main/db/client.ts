import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

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

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const path = join(options.dataDir, DATABASE_FILE);
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  // A checkpoint (two fsyncs) runs inside whichever commit crosses the threshold. Every 10,000 WAL pages
  // (~40 MB) instead of SQLite's 1,000 keeps it off ~99.9% of calls rather than ~98% (bench: overhead p99).
  // Durability is unchanged: every commit is in the WAL either way.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
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
