import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { DATABASE_FILE } from '../../../src-main/db/client';
import { usageSpillPath } from '../../../src-main/usage/usage-spill';
import { cli } from '../../helpers/cli';
import { testCore } from '../../helpers/core';
import { routingWorld, type RoutingWorld } from '../../helpers/routing';
import { tempDir } from '../../helpers/temp';

const JOB = join(__dirname, '../../../examples/job-backend.txt');
const validFields = JSON.stringify(extractJobFieldsOffline(readFileSync(JOB, 'utf8')));

/** Another OS process that takes the database's write lock and holds it for `holdMs`. */
async function lockHolder(dbPath: string, holdMs: number): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, dbPath, String(holdMs)], {
    cwd: join(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
  return child;
}

// `aditus extract` routed to an emulated provider, while another process holds the write lock.
describe('aditus CLI with the database locked by another process', () => {
  const data = tempDir();
  let w: RoutingWorld;
  let holder: ChildProcess | null = null;
  afterEach(async () => {
    holder?.kill('SIGKILL');
    holder = null;
    await w.close();
    data.cleanup();
  });

  const events = () => {
    const t = testCore({ dataDir: data.dir });
    return t.core.start().then(() => {
      const n = t.core.store.sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get() as number;
      t.core.close();
      return n;
    });
  };

  /** Runs `extract`; the lock is taken once the provider has the request and held for `holdMs`. */
  async function extractWhileLocked(holdMs: number) {
    w = await routingWorld(1, data.dir);
    await w.addProvider('a', w.emulators[0]!);
    w.core.close();
    const emulator = w.emulators[0]!;
    emulator.pushFaults({ latencyMs: 1_500 });
    emulator.pushReplies(validFields);
    const run = cli(['--data-dir', data.dir, 'extract', JOB, '--provider', 'a'], { secrets: w.secrets });
    while (emulator.requests().length === 0) await new Promise((r) => setTimeout(r, 10));
    holder = await lockHolder(join(data.dir, DATABASE_FILE), holdMs);
    return run;
  }

  it('locked past the retry budget: saves the usage to the spill file, says so, and the next start records it', async () => {
    const r = await extractWhileLocked(60_000);
    expect(r.stderr).toMatch(
      /usage of 1 call could not be written now; saved to .*usage-spill\.jsonl and will be recorded at the next start/u,
    );
    expect(r.code).not.toBe(75);
    const spill = usageSpillPath(data.dir);
    expect(readFileSync(spill, 'utf8').trim().split('\n')).toHaveLength(1);
    holder?.kill('SIGKILL');
    holder = null;
    expect(await events()).toBe(1);
    expect(existsSync(spill)).toBe(false);
    expect(await events()).toBe(1);
  }, 60_000);

  it('locked for less than busy_timeout: waits and commits, nothing spilled', async () => {
    const r = await extractWhileLocked(2_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/could not be written/u);
    expect(existsSync(usageSpillPath(data.dir))).toBe(false);
    expect(await events()).toBe(1);
  }, 60_000);
});
