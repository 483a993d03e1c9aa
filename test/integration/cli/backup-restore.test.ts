import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  rmSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  copyFileSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/db/client';
import { applyMigrations } from '../../../src-main/db/migrate';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { adminLoginOverCli, cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

const SECOND_CV = [
  '# Bo Lindqvist',
  'bo.lindqvist@example.com · Leeds',
  '',
  '## Experience',
  '',
  '### Engineer — Marlowe Freight',
  '2019 – Present',
].join('\n');

interface Report {
  path: string;
  schema: { applied: number; app: number; status: string };
  counts: { candidates: number; jobPostings: number; documents: number; auditEntries: number; usageEvents: number };
}

/** Mounts a small tmpfs (root only); null where it cannot. */
function mountTmpfs(dir: string, options: string): (() => void) | null {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  if (r.status !== 0) return null;
  return () => void spawnSync('umount', [dir]);
}
const canMount = (() => {
  const probe = tempDir('aditus-mount-probe-');
  const unmount = mountTmpfs(join(probe.dir, 'm'), 'size=64k');
  unmount?.();
  probe.cleanup();
  return unmount !== null;
})();

/** When the newest migration that creates a table or adds a column was made (its `created_at` in the database). */
function lastCreatingMigrationMs(): number {
  const dir = join(__dirname, '../../../drizzle');
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const creating = journal.entries.filter((e) =>
    /CREATE TABLE|ADD `/u.test(readFileSync(join(dir, `${e.tag}.sql`), 'utf8')),
  );
  const last = creating.at(-1);
  if (!last) throw new Error('no migration creates a table or a column');
  return last.when;
}

describe('aditus backup, backup verify and restore', () => {
  let data: ReturnType<typeof tempDir>;
  let out: ReturnType<typeof tempDir>;
  let secrets: MemorySecretStore;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data.dir, ...args], { secrets, env });
  const cleanups: (() => void)[] = [];

  beforeEach(async () => {
    data = tempDir();
    out = tempDir('aditus-backups-');
    secrets = new MemorySecretStore();
    await adminLoginOverCli(run);
    expect((await run(['candidates', 'import', ex('candidate.json')])).code).toBe(0);
    // A second, different person (the example CV is the same person as candidate.json: a duplicate).
    const second = join(out.dir, 'bo.md');
    writeFileSync(second, SECOND_CV);
    expect((await run(['candidates', 'import', second])).code).toBe(0);
    rmSync(second);
  });
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
    data.cleanup();
    out.cleanup();
  });

  it('writes a backup that verifies, with the counts the store has, and restores it after a delete', async () => {
    const file = join(out.dir, 'nightly.db');
    const backup = await run(['backup', '--out', file, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.json<Report>().counts.candidates).toBe(2);
    expect(readdirSync(out.dir)).toEqual(['nightly.db']);

    const verify = await run(['backup', 'verify', file, '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    const report = verify.json<Report>();
    expect(report.schema.status).toBe('current');
    expect(report.schema.applied).toBe(report.schema.app);
    expect(report.counts).toMatchObject({ candidates: 2, jobPostings: 0, documents: 0 });
    expect(report.counts.auditEntries).toBeGreaterThan(0);
    const text = await run(['backup', 'verify', file]);
    expect(text.stdout).toMatch(/integrity ok/u);
    expect(text.stdout).toMatch(/candidates\s+2/u);

    const listed = (await run(['candidates', 'list', '--json'])).json<{ id: string }[]>();
    const gone = listed[0]!.id;
    expect((await run(['candidates', 'delete', gone, '--yes'])).code).toBe(0);
    expect((await run(['candidates', 'list', '--json'])).json<unknown[]>()).toHaveLength(1);

    const dry = await run(['restore', file]);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toMatch(/Nothing was changed.*--yes/u);
    expect((await run(['candidates', 'list', '--json'])).json<unknown[]>()).toHaveLength(1);

    const restore = await run(['restore', file, '--yes', '--json']);
    expect(restore.code, restore.stderr).toBe(0);
    const { replacedPath } = restore.json<{ replacedPath: string }>();
    expect(replacedPath).toMatch(/aditus\.db\.replaced-/u);
    expect(existsSync(replacedPath)).toBe(true);
    const back = (await run(['candidates', 'list', '--json'])).json<{ id: string }[]>();
    expect(back.map((c) => c.id)).toContain(gone);
    // The replaced database, kept aside, still has the state before the restore (one candidate).
    const kept = new Database(replacedPath, { readonly: true });
    expect((kept.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n).toBe(1);
    kept.close();
    // The restore is audited, and the audit log verifies on the restored database.
    const actions = (await run(['audit', 'list', '--json'])).json<{ action: string }[]>().map((r) => r.action);
    expect(actions).toContain('backup.restored');
    const audit = await run(['audit', 'verify']);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });

  it('refuses random bytes, a truncated backup and another app’s SQLite file, before anything changes', async () => {
    const file = join(out.dir, 'good.db');
    expect((await run(['backup', '--out', file])).code).toBe(0);
    const random = join(out.dir, 'random.db');
    writeFileSync(random, randomBytes(64 * 1024));
    const truncated = join(out.dir, 'truncated.db');
    copyFileSync(file, truncated);
    truncateSync(truncated, Math.floor(readFileSync(file).length / 2));
    const foreign = join(out.dir, 'notes.db');
    const other = new Database(foreign);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hi')");
    other.close();
    const before = readFileSync(join(data.dir, DATABASE_FILE));

    for (const [bad, why] of [
      [random, /not a SQLite database/u],
      [truncated, /cut short|damaged/u],
      [foreign, /not an Aditus backup/u],
    ] as const) {
      const verify = await run(['backup', 'verify', bad]);
      expect(verify.code, bad).not.toBe(0);
      expect(verify.stderr).toMatch(why);
      const restore = await run(['restore', bad, '--yes']);
      expect(restore.code, bad).not.toBe(0);
      expect(restore.stderr).toMatch(why);
    }
    expect(readdirSync(data.dir).filter((n) => n.includes('replaced') || n.includes('pending'))).toEqual([]);
    expect((await run(['candidates', 'list', '--json'])).json<unknown[]>()).toHaveLength(2);
    expect(readFileSync(join(data.dir, DATABASE_FILE)).length).toBeGreaterThanOrEqual(before.length);
  });

  it('verifies a plain copy of a closed database (WAL-marked) without leaving -wal/-shm files beside it', async () => {
    const copy = join(out.dir, 'copied.db');
    copyFileSync(join(data.dir, DATABASE_FILE), copy);
    expect(readFileSync(copy).subarray(18, 20)).toEqual(Buffer.from([2, 2]));
    const verify = await run(['backup', 'verify', copy, '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.json<Report>().counts.candidates).toBe(2);
    expect(readdirSync(out.dir)).toEqual(['copied.db']);
  });

  it('refuses a backup made by a newer version, and migrates an older one when it opens', async () => {
    const newer = join(out.dir, 'newer.db');
    expect((await run(['backup', '--out', newer])).code).toBe(0);
    const db = new Database(newer);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
      'f'.repeat(64),
      Date.now() + 1e9,
    );
    db.close();
    const refused = await run(['restore', newer, '--yes']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/newer version of Aditus/u);

    // A database of the version before the last migration: made with the app's migrations minus the last one.
    const oldMigrations = join(out.dir, 'drizzle-old');
    cpSync(join(__dirname, '../../../drizzle'), oldMigrations, { recursive: true });
    const journalPath = join(oldMigrations, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    journal.entries.pop();
    writeFileSync(journalPath, JSON.stringify(journal));
    const older = join(out.dir, 'older.db');
    const o = new Database(older);
    applyMigrations(o, oldMigrations);
    o.close();
    const report = (await run(['backup', 'verify', older, '--json'])).json<Report>();
    expect(report.schema.status).toBe('older');
    expect(report.schema.applied).toBe(report.schema.app - 1);
    const restored = await run(['restore', older, '--yes']);
    expect(restored.code, restored.stderr).toBe(0);
    const info = (await run(['info', '--json'])).json<{ schemaVersion: number }>();
    expect(info.schemaVersion).toBe(report.schema.app);
    expect((await run(['candidates', 'list', '--json'])).json<unknown[]>()).toHaveLength(0);
  });

  it('puts the previous database back when the restored one cannot be migrated', async () => {
    const broken = join(out.dir, 'broken.db');
    expect((await run(['backup', '--out', broken])).code).toBe(0);
    // Claims the last migration that creates a table or column is not applied although what it creates exists:
    // applying it again fails.
    const db = new Database(broken);
    db.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(lastCreatingMigrationMs());
    db.close();
    expect(
      (
        await run([
          'candidates',
          'delete',
          (await run(['candidates', 'list', '--json'])).json<{ id: string }[]>()[0]!.id,
          '--yes',
        ])
      ).code,
    ).toBe(0);
    const r = await run(['restore', broken, '--yes']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /aditus: The restored database could not be opened .*previous database is back in place/su,
    );
    expect((await run(['candidates', 'list', '--json'])).json<unknown[]>()).toHaveLength(1);
    expect(readdirSync(data.dir).some((n) => n.startsWith('aditus.db.restore-failed-'))).toBe(true);
  });

  it('needs the admin session: without it backup, verify and restore are refused and nothing changes', async () => {
    const file = join(out.dir, 'b.db');
    expect((await run(['backup', '--out', file])).code).toBe(0);
    expect((await run(['admin', 'logout'])).code).toBe(0);
    for (const args of [
      ['backup', '--out', join(out.dir, 'c.db')],
      ['backup', 'verify', file],
      ['restore', file, '--yes'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(/no admin session: run `aditus admin login`/u);
    }
    expect(readdirSync(out.dir)).toEqual(['b.db']);
    expect(readdirSync(data.dir).filter((n) => n.includes('replaced') || n.includes('pending'))).toEqual([]);
  });

  it('refuses while a web host or the desktop app holds the database', async () => {
    const file = join(out.dir, 'b.db');
    expect((await run(['backup', '--out', file])).code).toBe(0);
    const holder: ChildProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    cleanups.push(() => holder.kill());
    writeFileSync(
      join(data.dir, 'aditus.host.json'),
      JSON.stringify({ pid: holder.pid, host: 'web host', startedAt: Date.now() }),
    );
    const refused = await run(['restore', file, '--yes']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Aditus is running on this data folder \(web host, process \d+\)/u);
    expect(readdirSync(data.dir).filter((n) => n.includes('replaced') || n.includes('pending'))).toEqual([]);
    // A mark left by a process that is gone is ignored.
    holder.kill();
    await new Promise((done) => holder.once('exit', done));
    expect((await run(['restore', file, '--yes'])).code).toBe(0);
  });

  it('is consistent while another process keeps writing', async () => {
    const writer = spawn(
      process.execPath,
      [join(__dirname, 'fixtures/concurrent-writer.cjs'), join(data.dir, DATABASE_FILE)],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    cleanups.push(() => writer.kill());
    const lines: string[] = [];
    writer.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').trim().split('\n')));
    // The writer commits without pause from before the backup starts until after it has finished.
    await new Promise<void>((started) => writer.stdout!.once('data', () => started()));
    const file = join(out.dir, 'live.db');
    const backup = await run(['backup', '--out', file]);
    writer.stdin!.end();
    expect(await new Promise<number | null>((done) => writer.once('exit', done))).toBe(0);
    expect(backup.code, backup.stderr).toBe(0);
    const written = Number(lines.at(-1));
    expect((await run(['backup', 'verify', file])).code).toBe(0);
    const copy = new Database(file, { readonly: true });
    const rows = copy.prepare('SELECT n FROM writer_probe ORDER BY n').all() as { n: number }[];
    copy.close();
    // A snapshot: every transaction the copy has is whole, and they are the first k in commit order.
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.length).toBeLessThanOrEqual(written);
    expect(rows.map((r) => r.n)).toEqual(rows.map((_, i) => i + 1));
  });

  it.skipIf(!canMount)('a full disk or a read-only folder fails with a clear message and leaves no file', async () => {
    // Make the database larger than the small file system.
    const db = new Database(join(data.dir, DATABASE_FILE));
    db.exec('CREATE TABLE IF NOT EXISTS padding (b BLOB)');
    db.prepare('INSERT INTO padding VALUES (?)').run(randomBytes(256 * 1024));
    db.close();
    const full = join(out.dir, 'full');
    const unmountFull = mountTmpfs(full, 'size=64k');
    cleanups.unshift(() => unmountFull?.());
    const onFull = await run(['backup', '--out', join(full, 'b.db')]);
    expect(onFull.code).not.toBe(0);
    expect(onFull.stderr).toMatch(/is full: free some space.*No backup was written/u);
    expect(readdirSync(full)).toEqual([]);

    const readOnly = join(out.dir, 'ro');
    const unmountRo = mountTmpfs(readOnly, 'size=1m,ro');
    cleanups.unshift(() => unmountRo?.());
    const onRo = await run(['backup', '--out', join(readOnly, 'b.db')]);
    expect(onRo.code).not.toBe(0);
    expect(onRo.stderr).toMatch(/cannot be written by this user \(EROFS\).*No backup was written/u);
    expect(readdirSync(readOnly)).toEqual([]);

    const missing = await run(['backup', '--out', join(out.dir, 'no-such-folder', 'b.db')]);
    expect(missing.stderr).toMatch(/does not exist or cannot be written/u);
  });
});
