import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defaultMigrationsDir } from '../paths';
import { AppError } from '../errors';
import type { Sqlite } from './client';

type Migrator = typeof import('drizzle-orm/better-sqlite3/migrator');
type Drizzle = typeof import('drizzle-orm/better-sqlite3');

/** The migrations drizzle-kit wrote: how many, and the newest one's timestamp (drizzle's `created_at` for it). */
function journalOf(migrationsFolder: string): { count: number; newest: number } {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return { count: journal.entries.length, newest: Math.max(0, ...journal.entries.map((e) => e.when)) };
}

/** Migrations as counted in a journal or in `__drizzle_migrations`: how many, and the newest one's timestamp. */
export interface MigrationSet {
  count: number;
  newest: number | null;
}

/**
 * Whether a database's applied migrations outnumber, or are newer than, the ones this build ships: it was last
 * used by a newer Aditus (this app would write to it without the newer schema's rules).
 */
export function appliedByNewerVersion(applied: MigrationSet, shipped: { count: number; newest: number }): boolean {
  return applied.count > shipped.count || (applied.newest !== null && applied.newest > shipped.newest);
}

/**
 * Whether drizzle's migrator would apply nothing: it applies every migration newer than the newest row of
 * `__drizzle_migrations`, so with that row at least as new as the journal's newest entry there is none.
 * A database last used by a newer Aditus is refused before anything is written (the tables derived from the
 * usage events, such as the window blocks, would otherwise be left stale).
 */
function upToDate(sqlite: Sqlite, migrationsFolder: string): boolean {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return false;
  const row = sqlite.prepare('SELECT max(created_at) AS last, count(*) AS applied FROM __drizzle_migrations').get() as {
    last: number | string | null;
    applied: number;
  };
  const applied: MigrationSet = { count: row.applied, newest: row.last === null ? null : Number(row.last) };
  const journal = journalOf(migrationsFolder);
  if (appliedByNewerVersion(applied, journal))
    throw new AppError(
      'conflict',
      `This database was last used by a newer version of Aditus (${applied.count} schema migrations applied; this app knows ${journal.count}): update Aditus to open it. Nothing in it was changed.`,
      { reason: 'newer_schema', applied: applied.count, app: journal.count },
    );
  return applied.newest !== null && applied.newest >= journal.newest;
}

/**
 * Applies the drizzle-kit migrations not yet applied; drizzle's migrator is the only use of drizzle at run time.
 * An up-to-date database (every start but the first after an update) is told by one query and the journal,
 * and drizzle (~60 ms to load) is required only when there is something to apply.
 */
export function applyMigrations(sqlite: Sqlite, migrationsFolder = defaultMigrationsDir()): void {
  if (upToDate(sqlite, migrationsFolder)) return;
  const load = createRequire(__filename);
  const { migrate } = load('drizzle-orm/better-sqlite3/migrator') as Migrator;
  const { drizzle } = load('drizzle-orm/better-sqlite3') as Drizzle;
  migrate(drizzle(sqlite), { migrationsFolder });
}

/** How many migrations this database has applied. */
export function schemaVersion(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}
