import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/db/client';
import { dataFolderErrorFrom } from '../../../src-main/errors';
import { cli } from '../../helpers/cli';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** chattr +i makes even root's writes fail (EPERM); false where the file system or container refuses it. */
function immutable(paths: string[], on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', ...paths], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the data folder: private modes and clear errors', () => {
  const data = tempDir();
  const undo: (() => void)[] = [];
  afterEach(() => {
    for (const u of undo.splice(0)) u();
    data.cleanup();
  });

  it('a new data folder is 0700 and its database files 0600, whatever the umask', async () => {
    const previous = process.umask(0);
    undo.push(() => process.umask(previous));
    const dir = join(data.dir, 'new', 'aditus');
    const r = await cli(['--data-dir', dir, 'providers', 'list']);
    expect(r.code, r.stderr).toBe(0);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(data.dir, 'new'))).toBe(0o700);
    const t = testCore({ dataDir: dir });
    t.core.store.sqlite.exec('CREATE TABLE IF NOT EXISTS probe (x); INSERT INTO probe VALUES (1)');
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`])
      expect([file, modeOf(join(dir, file))]).toEqual([file, 0o600]);
    t.core.close();
  });

  it('an existing 0755 folder keeps its mode, and the database created in it is 0600', async () => {
    const dir = join(data.dir, 'shared');
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    const r = await cli(['--data-dir', dir, 'providers', 'list']);
    expect(r.code, r.stderr).toBe(0);
    expect(modeOf(dir)).toBe(0o755);
    expect(modeOf(join(dir, DATABASE_FILE))).toBe(0o600);
  });

  it('a database left 0644 by an older version is tightened to 0600', async () => {
    const t = testCore({ dataDir: data.dir });
    t.core.close();
    chmodSync(join(data.dir, DATABASE_FILE), 0o644);
    expect((await cli(['--data-dir', data.dir, 'providers', 'list'])).code).toBe(0);
    expect(modeOf(join(data.dir, DATABASE_FILE))).toBe(0o600);
  });

  it('a read-only data folder: the CLI names the folder instead of "attempt to write a readonly database"', async (ctx) => {
    const t = testCore({ dataDir: data.dir });
    t.core.close();
    const locked = [data.dir, join(data.dir, DATABASE_FILE)];
    if (!immutable(locked, true)) ctx.skip(); // see the unit-level check below
    undo.push(() => immutable(locked, false));
    const r = await cli(['--data-dir', data.dir, 'providers', 'list']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(data.dir);
    expect(r.stderr).toMatch(/read-only or not writable/u);
    expect(r.stderr).not.toMatch(/attempt to write a readonly database/u);
  });

  it('a database last used by a newer Aditus is refused with a clear message, and nothing in it changes', async () => {
    expect((await cli(['--data-dir', data.dir, 'providers', 'list'])).code).toBe(0);
    const file = join(data.dir, DATABASE_FILE);
    const contents = () => {
      const db = new Database(file, { readonly: true });
      try {
        return {
          migrations: db.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY id').all(),
          tables: db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all(),
          providers: db.prepare('SELECT count(*) AS n FROM provider_configs').get(),
        };
      } finally {
        db.close();
      }
    };
    // What a newer version's own migration leaves behind: one more row, newer than any this app ships.
    const db = new Database(file);
    const { last } = db.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as { last: number };
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('newer', Number(last) + 1);
    db.close();
    const before = contents();

    for (const args of [
      ['usage', 'stats'],
      'providers add --name local --kind openai-compatible --model m --base-url http://127.0.0.1:1/v1'.split(' '),
    ]) {
      const r = await cli(['--data-dir', data.dir, ...args]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(
        /newer version of Aditus \(\d+ schema migrations applied; this app knows \d+\): update Aditus to open it/u,
      );
    }
    const json = await cli(['--data-dir', data.dir, '--json', 'usage', 'stats']);
    expect(json.json()).toMatchObject({ error: { code: 'conflict', details: { reason: 'newer_schema' } } });
    expect(contents()).toEqual(before);
  });

  it("SQLite's own read-only error (a database opened read-only) maps to the same message", () => {
    const t = testCore({ dataDir: data.dir });
    t.core.close();
    const ro = new Database(join(data.dir, DATABASE_FILE), { readonly: true });
    let thrown: unknown = null;
    try {
      ro.exec('CREATE TABLE x (y)');
    } catch (err) {
      thrown = err;
    } finally {
      ro.close();
    }
    expect((thrown as { code?: string }).code).toMatch(/^SQLITE_READONLY/u);
    const mapped = dataFolderErrorFrom(thrown, data.dir);
    expect(mapped?.code).toBe('storage_error');
    expect(mapped?.message).toContain(data.dir);
  });
});
