import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src-main/core';
import { toErrorDto } from '../../src-main/ipc/dispatch';
import { MemorySecretStore } from '../../src-main/secrets/memory-store';
import { usageEvent } from '../fixtures/reliability/usage-event';
import { integrity, rollupTotals } from './support/db-health';
import { logUntilFailure } from './support/fill';
import { openAiProvider } from './support/provider-input';
import { usageRowsDigest } from './support/rows-digest';
import { mountSmallDisk } from './support/tmpfs';

const disk = mountSmallDisk(4);

describe.skipIf(disk === null)('disk full: a real 4 MB filesystem runs out of space (tmpfs, needs root)', () => {
  afterAll(() => disk?.unmount());

  it('refuses writes with storage_full (ENOSPC), keeps the database whole, and works again once space is freed', async () => {
    const dir = disk!.dir;
    const filler = join(dir, 'filler');
    const logs: string[] = [];
    const core = createCore({
      dataDir: join(dir, 'data'),
      secrets: new MemorySecretStore(),
      log: (line) => logs.push(line),
    });
    try {
      const { sqlite } = core.store;
      const ids = Array.from({ length: 40 }, (_, i) => core.services.usageLog.record(usageEvent(i, 'before')));
      const lastBefore = ids[ids.length - 1]!;
      const digest = usageRowsDigest(sqlite, lastBefore);
      writeFileSync(filler, Buffer.alloc(1024 * 1024)); // something to delete later, as a user would

      const fill = logUntilFailure(core.services.usageLog, 'fill');
      expect(toErrorDto(fill.error, () => undefined)).toMatchObject({ code: 'storage_full' });
      let createError: unknown = null;
      for (let i = 0; i < 200 && createError === null; i++) {
        const { config, apiKey } = openAiProvider(`full-${i}`);
        await core.services.providers.create(config, apiKey, 'test').catch((err: unknown) => {
          createError = err;
        });
      }
      expect(toErrorDto(createError, () => undefined)).toMatchObject({ code: 'storage_full' });
      expect(integrity(sqlite)).toBe('ok');
      expect(usageRowsDigest(sqlite, lastBefore)).toBe(digest);
      const totals = rollupTotals(sqlite);
      expect(totals.daily).toBe(totals.events);
      expect(totals.hourTotals).toBe(totals.events);
      expect(totals.perDimension).toBe(4 * totals.events);

      // Events queued behind answers: their group commit fails too, and they stay queued.
      const committed: number[] = [];
      for (let i = 0; i < 20; i++)
        core.services.usageLog.enqueue(usageEvent(i, 'queued'), undefined, (id) => committed.push(id));
      await vi.waitFor(() => expect(logs.some((l) => /\(20 events queued, retrying\)/u.test(l))).toBe(true), {
        timeout: 5_000,
        interval: 10,
      });
      expect([core.services.usageLog.pending(), committed.length]).toEqual([20, 0]);
      expect(integrity(sqlite)).toBe('ok');

      rmSync(filler);
      // Space is back: the queued events commit on their own, then direct writes work again.
      await vi.waitFor(() => expect(core.services.usageLog.pending()).toBe(0), { timeout: 10_000, interval: 50 });
      expect(committed).toHaveLength(20);
      expect(core.services.usageLog.record(usageEvent(1, 'after'))).toBeGreaterThan(lastBefore);
      const after = openAiProvider('after-full');
      const created = await core.services.providers.create(after.config, after.apiKey, 'test');
      expect(created.name).toBe('after-full');
      expect(integrity(sqlite)).toBe('ok');
    } finally {
      core.close();
    }
  });
});
