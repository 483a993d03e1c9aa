import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/db/client';
import { usageSpillPath } from '../../src-main/usage/usage-spill';
import { tempDir } from '../helpers/temp';
import { testCore } from '../helpers/core';
import { prompt, routingWorld } from '../helpers/routing';

/**
 * Another process holds the write lock for longer than the usage log's retry budget (busy_timeout, 5 s,
 * at the answer and again at close): the answered call's event must not be lost.
 */
describe('usage events survive a database locked past the retry budget', () => {
  const data = tempDir();
  afterEach(() => data.cleanup());

  const totals = (sqlite: Database.Database) => ({
    events: sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get() as number,
    hourCalls: sqlite.prepare('SELECT coalesce(sum(calls), 0) FROM usage_hour_totals').pluck().get() as number,
    dailyCalls: sqlite.prepare('SELECT coalesce(sum(calls), 0) FROM usage_daily').pluck().get() as number,
    byDimension: sqlite.prepare('SELECT coalesce(sum(calls), 0) FROM usage_daily_by_dimension').pluck().get() as number,
    outputTokens: sqlite
      .prepare('SELECT coalesce(sum(output_tokens), 0) FROM usage_hour_totals')
      .pluck()
      .get() as number,
  });

  it('spills the event (fsynced, 0600) at close, and the next start records it exactly once', async () => {
    const w = await routingWorld(1, data.dir, { usageGroupWindowMs: 60_000 });
    await w.addProvider('a', w.emulators[0]!);
    const answer = await w.core.services.router.route({ task: 'cv_draft', userId: 'ana', request: prompt('Draft') });
    expect(answer).toBeTruthy();
    expect(w.core.services.usageLog.pending()).toBe(1);

    const holder = new Database(join(data.dir, DATABASE_FILE));
    holder.exec('BEGIN IMMEDIATE');
    const report = w.core.close();
    expect(report).toMatchObject({ spilled: 1, lost: 0, spillPath: usageSpillPath(data.dir) });
    const spill = usageSpillPath(data.dir);
    const lines = readFileSync(spill, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ task: 'cv_draft', userId: 'ana', attempt: 1, status: 'ok' });
    expect(statSync(spill).mode & 0o777).toBe(0o600);
    holder.exec('COMMIT');
    expect(totals(holder).events).toBe(0);
    holder.close();
    await w.close();

    const next = testCore({ dataDir: data.dir });
    await next.core.start();
    const after = totals(next.core.store.sqlite);
    expect(after).toMatchObject({ events: 1, hourCalls: 1, dailyCalls: 1, byDimension: 4 });
    expect(after.outputTokens).toBeGreaterThan(0);
    expect(existsSync(spill)).toBe(false);
    next.core.close();

    // The same file again (a replay cut short before its removal): nothing is added, rollups unchanged.
    writeFileSync(spill, `${lines[0]!}\n${lines[0]!}\n`, { mode: 0o600 });
    const again = testCore({ dataDir: data.dir });
    await again.core.start();
    expect(totals(again.core.store.sqlite)).toEqual(after);
    expect(existsSync(spill)).toBe(false);
    again.cleanup();
  }, 30_000);

  it('a replay that finds the database still locked keeps the file for the next start', async () => {
    const w = await routingWorld(1, data.dir, { usageGroupWindowMs: 60_000 });
    await w.addProvider('a', w.emulators[0]!);
    await w.core.services.router.route({ task: 'cv_draft', userId: 'ana', request: prompt('Draft') });
    const holder = new Database(join(data.dir, DATABASE_FILE));
    holder.exec('BEGIN IMMEDIATE');
    expect(w.core.close().spilled).toBe(1);
    await w.close();
    const spill = usageSpillPath(data.dir);
    const locked = testCore({ dataDir: data.dir });
    await locked.core.start().catch(() => undefined); // the rest of the start-up may find the lock too
    expect(locked.logs.join('\n')).toMatch(/saved events not recorded yet/u);
    expect(existsSync(spill)).toBe(true);
    holder.exec('COMMIT');
    holder.close();
    locked.core.close();
    const next = testCore({ dataDir: data.dir });
    await next.core.start();
    expect(totals(next.core.store.sqlite).events).toBe(1);
    expect(existsSync(spill)).toBe(false);
    next.cleanup();
  }, 40_000);
});
