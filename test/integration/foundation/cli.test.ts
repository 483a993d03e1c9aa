import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

describe('aditus CLI', () => {
  let cleanup: () => void = () => undefined;
  afterEach(() => cleanup());

  it('`providers list --json` prints [] on a fresh data dir and leaves a migrated WAL database', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const run = await cli(['--data-dir', t.dir, 'providers', 'list', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json()).toEqual([]);
    const file = join(t.dir, 'aditus.db');
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBeGreaterThan(0);
    db.close();
  });

  it('honours ADITUS_DATA_DIR', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const run = await cli(['providers', 'list', '--json'], { env: { ADITUS_DATA_DIR: t.dir } });
    expect(run.code).toBe(0);
    expect(existsSync(join(t.dir, 'aditus.db'))).toBe(true);
  });

  it('prints help for every command and exits 0', async () => {
    for (const args of [['--help'], ['providers', '--help'], ['providers', 'list', '--help'], ['serve', '--help']]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toMatch(/Usage: aditus/u);
    }
  });

  it('exits 2 with a clear message on an unknown command', async () => {
    const run = await cli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command/iu);
  });
});
