import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
    const core = createCore({ dataDir: join(dir, 'data'), secrets: new MemorySecretStore(), log: () => undefined });
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

      rmSync(filler);
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
