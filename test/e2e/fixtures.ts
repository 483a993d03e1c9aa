import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ServedApp {
  url: string;
  dataDir: string;
  origin: string;
}

/** Starts the real `aditus serve` on a fresh data dir for each test. */
export const test = base.extend<{ app: ServedApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aditus-e2e-'));
    const child: ChildProcess = spawn(
      process.execPath,
      [join(__dirname, '../../bin/aditus.cjs'), '--data-dir', dataDir, 'serve', '--port', '0'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`aditus serve exited with ${code}`)));
    });
    await use({ url, dataDir, origin: new URL(url).origin });
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
