import { createCore, type Core, type CoreOptions } from '../../src-main/core';
import { FakeClock } from '../../src-main/clock';
import { MemorySecretStore } from '../../src-main/secrets/memory-store';
import { tempDir } from './temp';

export interface TestCore {
  core: Core;
  secrets: MemorySecretStore;
  clock: FakeClock;
  dataDir: string;
  logs: string[];
  cleanup: () => void;
}

/** A core on a temp SQLite file with an in-memory secret store and a fake clock. */
export function testCore(overrides: Partial<CoreOptions> = {}): TestCore {
  const { dir, cleanup } = tempDir();
  const secrets = new MemorySecretStore();
  const clock = new FakeClock();
  const logs: string[] = [];
  const core = createCore({ dataDir: dir, secrets, clock, log: (l) => logs.push(l), ...overrides });
  return {
    core,
    secrets,
    clock,
    dataDir: dir,
    logs,
    cleanup: () => {
      core.close();
      cleanup();
    },
  };
}
