import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Sqlite } from './client';

/**
 * Where the drizzle-kit migrations live: next to the app in development and for the CLI,
 * in `resources/drizzle` for a packaged Electron app (electron-builder extraResources).
 */
export function defaultMigrationsDir(): string {
  const candidates = [
    process.env['ADITUS_MIGRATIONS_DIR'],
    // Packaged Electron: resourcesPath is set by Electron, undefined in plain Node.
    (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath
      ? join((process as NodeJS.Process & { resourcesPath: string }).resourcesPath, 'drizzle')
      : undefined,
    resolve(__dirname, '../../drizzle'),
    resolve(__dirname, '../drizzle'),
    resolve(process.cwd(), 'drizzle'),
  ];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'meta', '_journal.json'))) return dir;
  }
  throw new Error('Database migrations not found (looked for drizzle/meta/_journal.json)');
}

/** Applies the drizzle-kit migrations not yet applied; drizzle's migrator is the only use of drizzle at run time. */
export function applyMigrations(sqlite: Sqlite, migrationsFolder = defaultMigrationsDir()): void {
  migrate(drizzle(sqlite), { migrationsFolder });
}

/** How many migrations this database has applied. */
export function schemaVersion(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}
