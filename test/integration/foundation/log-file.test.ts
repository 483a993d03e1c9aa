import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { cli } from '../../helpers/cli';
import { testCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

const logOf = (dataDir: string) => join(dataDir, 'logs', 'aditus.log');

describe('internal errors go to the log file, which the message names', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('writes the stack with every known secret redacted, and tells the caller where', async () => {
    t = testCore();
    const key = 'sk-proj-LOGCANARY0123456789abcdef';
    await t.core.secrets.set('provider:canary', key);
    // A handler failing in a way nobody planned for, with a key in its message.
    Object.assign(t.core.handlers, {
      'app:info': () => {
        throw new TypeError(`cannot read the answer of ${key}`);
      },
    });
    const result = await t.core.dispatch('app:info', {}, t.core.localSession('web'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: `Something went wrong inside Aditus; the details were written to the log file ${logOf(t.dataDir)}`,
      },
    });
    expect(t.core.logFile).toBe(logOf(t.dataDir));
    const written = readFileSync(logOf(t.dataDir), 'utf8');
    expect(written).toMatch(/\[pid \d+\] internal error: TypeError: cannot read the answer of \[redacted\]\n +at /u);
    expect(written).not.toContain(key);
    expect(written).not.toContain('LOGCANARY');
  });
});

// The real CLI program, in-process, on a data folder of its own.
describe('aditus CLI and the log file', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args], { secrets });
  afterEach(() => data.cleanup());

  it('`aditus info` names the log file', async () => {
    const r = await run(['info']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Log file +${logOf(data.dir).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u'));
    expect((await run(['info', '--json'])).json()).toMatchObject({ logFile: logOf(data.dir), dataDir: data.dir });
  });

  it('an internal error in a command says which file has the details, and the file has them', async () => {
    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    core.close();
    // A rollup row the stats cannot read (its error classes are not JSON).
    const db = new Database(join(data.dir, 'aditus.db'));
    db.prepare(
      "INSERT INTO usage_hour_totals (bucket_start, calls, errors, error_classes) VALUES (?, 1, 1, '{oops')",
    ).run(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    db.close();
    const r = await run(['usage', 'stats', '--by', 'hour']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `aditus: Something went wrong inside Aditus; the details were written to the log file ${logOf(data.dir)}`,
    );
    expect(readFileSync(logOf(data.dir), 'utf8')).toMatch(/internal error: SyntaxError: .*\n +at /u);
  });

  it('a start-up that fails is written to the log file', async () => {
    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    core.close();
    const db = new Database(join(data.dir, 'aditus.db'));
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('durability', '{not json', 0)").run();
    db.close();
    expect(existsSync(logOf(data.dir))).toBe(false);
    const r = await run(['usage', 'stats']);
    expect(r.code).toBe(1);
    expect(readFileSync(logOf(data.dir), 'utf8')).toMatch(/start-up failed: SyntaxError: .*\n +at /u);
  });
});
