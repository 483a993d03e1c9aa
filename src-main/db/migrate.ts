import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { defaultMigrationsDir } from '../paths';
import type { Sqlite } from './client';

/** Applies the drizzle-kit migrations not yet applied; drizzle's migrator is the only use of drizzle at run time. */
export function applyMigrations(sqlite: Sqlite, migrationsFolder = defaultMigrationsDir()): void {
  migrate(drizzle(sqlite), { migrationsFolder });
}

/** How many migrations this database has applied. */
export function schemaVersion(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}
