import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core';
import { MemorySecretStore } from '../../src-main/secrets/memory-store';
import { usageSpillPath } from '../../src-main/usage/usage-spill';
import { usageEvent } from '../fixtures/reliability/usage-event';
import { logUntilFailure } from './support/fill';
import { mountSmallDisk } from './support/tmpfs';

const disk = mountSmallDisk(4);

describe.skipIf(disk === null)('usage at close on a full disk (tmpfs, needs root)', () => {
  afterAll(() => disk?.unmount());

  it('events the database refuses go to the spill file; if that fails too, close reports them lost', () => {
    const dataDir = join(disk!.dir, 'data');
    const filler = join(disk!.dir, 'filler');
    const core = createCore({ dataDir, secrets: new MemorySecretStore(), log: () => undefined });
    logUntilFailure(core.services.usageLog, 'fill');
    for (let i = 0; i < 3; i++) core.services.usageLog.enqueue(usageEvent(i, 'queued'));
    // Take the last free bytes too, so even the spill file cannot be appended to.
    writeFileSync(filler, '');
    try {
      for (;;) appendFileSync(filler, Buffer.alloc(4096));
    } catch {
      // ENOSPC: the disk is full
    }
    const report = core.close();
    expect(report).toMatchObject({ spilled: 0, lost: 3, spillPath: usageSpillPath(dataDir) });
    expect((report.error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    rmSync(filler);
  });
});
