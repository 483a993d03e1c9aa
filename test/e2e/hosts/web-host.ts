import type { Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '@contract';
import type { Host } from './app';
import { firstLine, stopGroup } from './processes';

const CLI = join(__dirname, '../../../bin/aditus.cjs');

/** Starts the real `aditus serve` on a fresh data dir and opens a page in a fresh browser context. */
export async function startWebHost(browser: Browser): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aditus-e2e-'));
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const stop = () => {
    stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await firstLine(child, 'aditus serve');
    const token = /#token=([\w-]+)/u.exec(url)?.[1] ?? '';
    const origin = new URL(url).origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    return {
      page,
      app: {
        target: 'web',
        url,
        dataDir,
        cli: { command: process.execPath, env: process.env },
        electron: null,
        // The web host has one session per launch, so these calls share the page's (admin once unlocked).
        async invoke(channel, input) {
          const res = await page.request.post(`${origin}/ipc/${channel}`, {
            headers: { 'x-aditus-token': token },
            data: { input },
          });
          return (await res.json()) as Result<unknown>;
        },
      },
      async close() {
        await context.close();
        stop();
      },
    };
  } catch (err) {
    stop();
    throw err;
  }
}
