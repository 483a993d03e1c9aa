import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ServedApp {
  url: string;
  dataDir: string;
  origin: string;
  /** The per-launch token from the URL (for seeding calls over the HTTP IPC bridge). */
  token: string;
}

function firstLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
  });
}

/** Ends a detached child and everything in its process group. */
function stopGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

const canStartKeyring = () => existsSync('/usr/bin/dbus-run-session') && existsSync('/usr/bin/gnome-keyring-daemon');

/**
 * `aditus serve` and the CLI keep the admin TOTP secret, admin tokens and provider keys in the OS keychain.
 * When the runner has no D-Bus session (CI, `npm run test:ui`), each worker starts a private D-Bus session
 * with an unlocked GNOME Keyring (as scripts/with-keyring.sh does) and exports its address, so the server
 * and any CLI a test runs share one real keychain. A runner that already has a session keeps it. The worker
 * fixture's value is the bus address (null when there is no keychain at all).
 */
export const test = base.extend<{ app: ServedApp }, { keyring: string | null }>({
  keyring: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
    async ({}, use) => {
      if (process.env['DBUS_SESSION_BUS_ADDRESS'] || !canStartKeyring())
        return use(process.env['DBUS_SESSION_BUS_ADDRESS'] ?? null);
      const session = spawn(
        'dbus-run-session',
        [
          '--',
          'sh',
          '-c',
          'echo -n aditus-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; echo "$DBUS_SESSION_BUS_ADDRESS"; exec cat',
        ],
        { stdio: ['pipe', 'pipe', 'ignore'], detached: true },
      );
      const address = await firstLine(session, 'dbus-run-session');
      process.env['DBUS_SESSION_BUS_ADDRESS'] = address;
      try {
        await use(address);
      } finally {
        delete process.env['DBUS_SESSION_BUS_ADDRESS'];
        session.stdin?.end();
        stopGroup(session);
      }
    },
    { scope: 'worker', auto: true },
  ],

  /** Starts the real `aditus serve` on a fresh data dir for each test. */
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aditus-e2e-'));
    const child: ChildProcess = spawn(
      process.execPath,
      [join(__dirname, '../../bin/aditus.cjs'), '--data-dir', dataDir, 'serve', '--port', '0'],
      { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
    );
    const url = await firstLine(child, 'aditus serve');
    const token = /#token=([\w-]+)/u.exec(url)?.[1] ?? '';
    await use({ url, dataDir, origin: new URL(url).origin, token });
    stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
