import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../src-main/session';
import { toErrorDto } from '../../src-main/ipc/dispatch';
import { usageEvent } from '../fixtures/reliability/usage-event';
import { adminSession } from '../helpers/admin';
import { testCore, type TestCore } from '../helpers/core';
import { databaseChecksum } from '../helpers/db-checksum';
import { integrity, rollupTotals } from './support/db-health';
import { logUntilFailure } from './support/fill';
import { openAiProvider } from './support/provider-input';
import { usageRowsDigest } from './support/rows-digest';

const SQLITE_MAX_PAGES = 1_073_741_823;
const STORAGE_FULL = { code: 'storage_full', message: expect.stringMatching(/disk is full/u) };

describe('disk full: the database may not grow (PRAGMA max_page_count)', () => {
  // One core for the file (the admin enrolment hashes passwords, which is slow); every test fills the
  // database up to a fresh limit and lifts it again at the end.
  let t: TestCore;
  let session: Session;
  beforeAll(async () => {
    t = testCore();
    ({ session } = await adminSession(t));
  });
  afterAll(() => t.cleanup());
  afterEach(() => t.core.store.sqlite.pragma(`max_page_count = ${SQLITE_MAX_PAGES}`)); // even when a test failed

  /** Some usage stored, and a `full()` that leaves no page to grow into (lifted by `room()`). */
  function nearlyFull(tag: string): { lastBefore: number; digest: string; full: () => void; room: () => void } {
    const { sqlite } = t.core.store;
    const ids = Array.from({ length: 40 }, (_, i) => t.core.services.usageLog.record(usageEvent(i, tag)));
    const lastBefore = ids[ids.length - 1]!;
    return {
      lastBefore,
      digest: usageRowsDigest(sqlite, lastBefore),
      full: () => sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true })) + 2}`),
      room: () => sqlite.pragma(`max_page_count = ${SQLITE_MAX_PAGES}`),
    };
  }

  /** Adds provider configs until one is refused (configs fit into free space inside pages for a while). */
  async function createUntilRefused(prefix: string) {
    for (let i = 0; i < 500; i++) {
      const before = {
        checksum: databaseChecksum(t.core.store.sqlite),
        names: t.core.services.providers.list().map((p) => p.name),
        keys: t.secrets.values.size,
      };
      const result = await t.core.dispatch('providers:create', openAiProvider(`${prefix}-${i}`), session);
      if (!result.ok) return { error: result.error, before };
    }
    throw new Error('500 provider configs fit: the storage never filled up');
  }

  it('logging a usage event fails with storage_full; what was stored stays whole; logging works again after', async () => {
    const { lastBefore, digest, full, room } = nearlyFull('usage');
    const { sqlite } = t.core.store;
    const eventsBefore = rollupTotals(sqlite).events;
    full();
    const fill = logUntilFailure(t.core.services.usageLog, 'fill');
    expect(toErrorDto(fill.error, () => undefined)).toEqual(STORAGE_FULL);
    expect(integrity(sqlite)).toBe('ok');
    expect(usageRowsDigest(sqlite, lastBefore)).toBe(digest);
    const totals = rollupTotals(sqlite);
    expect(totals.events).toBe(eventsBefore + fill.written); // the refused event left nothing, not even in a rollup
    expect(totals.daily).toBe(totals.events);
    expect(totals.hourTotals).toBe(totals.events);
    expect(totals.perDimension).toBe(4 * totals.events);

    room();
    expect(t.core.services.usageLog.record(usageEvent(1, 'after'))).toBeGreaterThan(lastBefore);
    expect(integrity(sqlite)).toBe('ok');
  });

  it('events queued behind answers stay queued while the disk is full, then commit on their own', async () => {
    const { lastBefore, digest, full, room } = nearlyFull('queued');
    const { sqlite } = t.core.store;
    const log = t.core.services.usageLog;
    full();
    logUntilFailure(log, 'fill');
    const eventsBefore = rollupTotals(sqlite).events;
    const committed: number[] = [];
    for (let i = 0; i < 20; i++) log.enqueue(usageEvent(i, 'queued-behind'), undefined, (id) => committed.push(id));
    const refused = /usage log: .*full.*\(20 events queued, retrying\)/u;
    await vi.waitFor(() => expect(t.logs.some((l) => refused.test(l))).toBe(true), { timeout: 5_000, interval: 5 });
    expect(log.pending()).toBe(20);
    expect(committed).toEqual([]);
    expect(rollupTotals(sqlite).events).toBe(eventsBefore);
    expect(integrity(sqlite)).toBe('ok');
    expect(usageRowsDigest(sqlite, lastBefore)).toBe(digest);

    room();
    await vi.waitFor(() => expect(log.pending()).toBe(0), { timeout: 10_000, interval: 50 }); // the retry, unprompted
    expect(committed).toHaveLength(20);
    const totals = rollupTotals(sqlite);
    expect(totals.events).toBe(eventsBefore + 20);
    expect(totals.daily).toBe(totals.events);
    expect(totals.hourTotals).toBe(totals.events);
    expect(totals.perDimension).toBe(4 * totals.events);
    expect(integrity(sqlite)).toBe('ok');
  });

  it('creating a provider config fails with storage_full; what was stored stays whole; works again after', async () => {
    const { lastBefore, digest, full, room } = nearlyFull('providers');
    const { sqlite } = t.core.store;
    full();
    logUntilFailure(t.core.services.usageLog, 'fill');
    const refused = await createUntilRefused('create');
    expect(refused.error).toEqual(STORAGE_FULL);
    expect(integrity(sqlite)).toBe('ok');
    expect(usageRowsDigest(sqlite, lastBefore)).toBe(digest);
    expect(t.core.services.providers.list().map((p) => p.name)).toEqual(expect.arrayContaining(refused.before.names));

    room();
    const created = await t.core.dispatch('providers:create', openAiProvider('after-full'), session);
    expect(created).toMatchObject({ ok: true, data: { name: 'after-full', hasKey: true } });
    expect(integrity(sqlite)).toBe('ok');
    expect(await t.core.services.audit.verify()).toMatchObject({ ok: true });
  });

  // The row and its audit entries commit in one transaction: whichever write hits the full disk, nothing stays.
  it('a refused provider config leaves no row, no key and no partial audit behind', async () => {
    const { full, room } = nearlyFull('refused-config');
    full();
    logUntilFailure(t.core.services.usageLog, 'fill');
    const refused = await createUntilRefused('refused');
    room();
    expect(t.core.services.providers.list().map((p) => p.name)).toEqual(refused.before.names);
    expect(t.secrets.values.size).toBe(refused.before.keys);
    expect(databaseChecksum(t.core.store.sqlite)).toBe(refused.before.checksum);
  });
});
