import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  retentionSettingsSchema,
  type ChannelInput,
  type Channel,
  type ChannelOutput,
  type RetentionSettings,
} from '@contract';
import { DAY_MS } from '../../../src-main/settings/retention-service';
import { usageEvent } from '../../fixtures/reliability/usage-event';
import { DATABASE_FILE } from '../../../src-main/db/client';
import { testCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

const KEEP_ALL: RetentionSettings = { usageEventsDays: null, documentVersionsKeep: null, auditDays: null };
const purgeOpts = { allowVacuum: false };

const cvFile = (name: string) => ({
  fileName: `${name.toLowerCase()}.md`,
  dataBase64: Buffer.from(
    `# ${name}\n${name.toLowerCase()}@example.com\n\n## Experience\n\n### Engineer — Acme\n2019 – Present\n- Built things\n`,
  ).toString('base64'),
});

describe('retention purge rules', () => {
  let t: TestCore;
  const retention = () => t.core.services.retention;
  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const r = await t.core.dispatch(channel, input, t.core.localSession('web'));
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.data as ChannelOutput<C>;
  }

  beforeEach(async () => {
    t = testCore();
    await t.core.start();
  });
  afterEach(() => t.cleanup());

  it('the default keeps everything: a purge removes nothing and still writes an audit entry with counts only', async () => {
    expect(retention().settings()).toEqual(KEEP_ALL);
    const purge = await retention().purge('ana@cli', purgeOpts);
    expect([purge.usageEvents, purge.documentVersions, purge.auditEntries]).toEqual([0, 0, 0]);
    const [entry] = t.core.services.audit.list({ action: 'retention.purge' });
    expect(entry?.actor).toBe('ana@cli');
    expect(JSON.parse(entry?.after ?? 'null')).toEqual({
      usageEvents: 0,
      providerHealth: 0,
      documentVersions: 0,
      auditEntries: 0,
    });
  });

  it('usage events older than N days go (one exactly N days old stays); stats, budgets and metrics keep their totals', async () => {
    const now = t.clock.now();
    const usage = t.core.services.usageLog;
    const ages = [45 * DAY_MS, 30 * DAY_MS + 1, 30 * DAY_MS, 29 * DAY_MS, 2 * 3_600_000, 0];
    ages.forEach((age, n) => usage.record({ ...usageEvent(n + 1, 'ret'), configId: 'config-1', createdAt: now - age }));
    for (let n = 0; n < 40; n++) usage.record({ ...usageEvent(100 + n, 'old'), createdAt: now - 60 * DAY_MS - n });
    const range = { from: 0, to: now + DAY_MS };
    const statsBefore = t.core.services.stats.query(range, 'provider');
    const dashboardBefore = t.core.services.stats.dashboard(range);
    const budgetBefore = t.core.services.budgets.usage('config-1');
    const metricsBefore = await t.core.services.metrics.text();

    const estimate = retention().estimate({ ...KEEP_ALL, usageEventsDays: 30 });
    expect(estimate.usageEvents.rows).toBe(42);
    expect(estimate.usageEvents.approxBytes).toBeGreaterThan(0);
    const { purge } = await retention().set({ ...KEEP_ALL, usageEventsDays: 30 }, 'ana@cli', purgeOpts);
    expect(purge.usageEvents).toBe(42);

    const left = t.core.services.usageEvents.latest(1000).map((e) => now - e.createdAt);
    expect(left.sort((a, b) => b - a)).toEqual([30 * DAY_MS, 29 * DAY_MS, 2 * 3_600_000, 0]);
    expect(t.core.services.stats.query(range, 'provider')).toEqual(statsBefore);
    expect(t.core.services.stats.dashboard(range)).toEqual(dashboardBefore);
    expect(t.core.services.budgets.usage('config-1')).toEqual(budgetBefore);
    expect(await t.core.services.metrics.text()).toBe(metricsBefore);
    expect(retention().estimate({ ...KEEP_ALL, usageEventsDays: 30 }).usageEvents.rows).toBe(0);
  });

  it('keeps the newest N versions of each document, never the latest, and leaves validations and queued tasks', async () => {
    const ana = await call('candidates:import', { file: cvFile('Ana') });
    if ('duplicate' in ana) throw new Error('expected a new candidate');
    const { documents, validations } = t.core.services.drafting.repos;
    const many = documents.create('cv', ana.id, null, 'CV many', 'ana');
    const one = documents.create('cv', ana.id, null, 'CV one', 'ana');
    const meta = { providerName: null, model: null, requestId: null, offline: false };
    for (let v = 1; v <= 5; v++) documents.addVersion(many, `text ${v} ${'x'.repeat(2000)}`, 'edited', meta);
    documents.addVersion(one, 'only version', 'edited', meta);
    validations.save(many, { score: 80 } as never, { providerName: null, requestId: null });
    t.core.services.outbox.enqueue({
      idempotencyKey: 'k1',
      task: 'cv_draft',
      request: { messages: [] } as never,
      userId: 'ana',
      providerName: null,
      completion: { kind: 'document-version', target: many },
    });

    const estimate = retention().estimate({ ...KEEP_ALL, documentVersionsKeep: 2 });
    expect(estimate.documentVersions.rows).toBe(3);
    expect(estimate.documentVersions.approxBytes).toBeGreaterThan(3 * 2000);
    const purge = await retention().set({ ...KEEP_ALL, documentVersionsKeep: 2 }, 'ana@cli', purgeOpts);
    expect(purge.purge.documentVersions).toBe(3);
    expect(documents.get(many).versions.map((v) => v.version)).toEqual([5, 4]);
    expect(documents.get(one).versions.map((v) => v.version)).toEqual([1]);
    expect(validations.latest(many)).not.toBeNull();
    expect(t.core.services.outbox.list().map((i) => i.idempotencyKey)).toEqual(['k1']);

    // Keep 1: each document keeps exactly its latest; a new version after the purge is numbered on.
    await retention().set({ ...KEEP_ALL, documentVersionsKeep: 1 }, 'ana@cli', purgeOpts);
    expect(documents.get(many).versions.map((v) => v.version)).toEqual([5]);
    expect(documents.addVersion(many, 'next', 'edited', meta)).toBe(6);
    // 0 would remove the latest: refused at the contract.
    expect(retentionSettingsSchema.safeParse({ ...KEEP_ALL, documentVersionsKeep: 0 }).success).toBe(false);
  });

  it('frees the space: a new database uses incremental auto-vacuum and its page count drops after a purge', async () => {
    const ana = await call('candidates:import', { file: cvFile('Ana') });
    if ('duplicate' in ana) throw new Error('expected a new candidate');
    const { documents } = t.core.services.drafting.repos;
    const doc = documents.create('cv', ana.id, null, 'Big', 'ana');
    const meta = { providerName: null, model: null, requestId: null, offline: false };
    for (let v = 1; v <= 40; v++) documents.addVersion(doc, `${v} ${'y'.repeat(60_000)}`, 'edited', meta);
    const before = retention().status().database;
    expect(before.autoVacuum).toBe('incremental');
    const { purge } = await retention().set({ ...KEEP_ALL, documentVersionsKeep: 1 }, 'ana@cli', purgeOpts);
    expect(purge.space.method).toBe('incremental');
    expect(purge.space.fileBytesAfter).toBeLessThan(purge.space.fileBytesBefore - 39 * 60_000);
    expect(purge.space.freeBytesLeft).toBe(0);
    expect(retention().status().lastPurge).toEqual(purge);
  });

  it('saving is admin-only over IPC', async () => {
    const r = await t.core.dispatch('retention:set', KEEP_ALL, t.core.localSession('web'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
  });
});

describe('space on a database from before incremental auto-vacuum', () => {
  it('long-lived hosts leave the free pages for reuse; the CLI rewrites the file once and switches it to incremental', async () => {
    const { dir, cleanup } = tempDir();
    const old = new Database(join(dir, DATABASE_FILE));
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE made_before (x)');
    old.close();
    const t = testCore({ dataDir: dir });
    try {
      await t.core.start();
      expect(t.core.services.retention.status().database.autoVacuum).toBe('none');
      const usage = t.core.services.usageLog;
      t.core.store.sqlite.transaction(() => {
        for (let n = 0; n < 12_000; n++)
          usage.record({ ...usageEvent(n, 'big'), createdAt: t.clock.now() - 40 * DAY_MS });
      })();
      const set = await t.core.services.retention.set({ ...KEEP_ALL, usageEventsDays: 30 }, 'ana@web', {
        allowVacuum: false,
      });
      expect(set.purge.usageEvents).toBe(12_000);
      expect(set.purge.space.method).toBe('none');
      expect(set.purge.space.freeBytesLeft).toBeGreaterThan(1024 * 1024);
      expect(set.purge.space.note).toMatch(/aditus retention purge/u);

      const purge = await t.core.services.retention.purge('ana@cli', { allowVacuum: true });
      expect(purge.space.method).toBe('vacuum');
      expect(purge.space.fileBytesAfter).toBeLessThan(purge.space.fileBytesBefore - 1024 * 1024);
      expect(t.core.services.retention.status().database).toMatchObject({ autoVacuum: 'incremental', freeBytes: 0 });
    } finally {
      t.core.close();
      cleanup();
    }
  });
});
