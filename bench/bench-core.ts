import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { MemorySecretStore } from '../src-main/secrets/memory-store';

export interface BenchCore {
  core: Core;
  close(): void;
}

/**
 * A core exactly as the hosts build it (WAL, synchronous NORMAL, real clock), on `dataDir` or a fresh
 * temporary folder that is removed on close. Keys, if any, stay in memory: the bench never touches a keychain.
 */
export function benchCore(dataDir?: string): BenchCore {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'aditus-bench-'));
  const core = createCore({ dataDir: dir, secrets: new MemorySecretStore(), log: () => undefined });
  return {
    core,
    close: () => {
      core.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
