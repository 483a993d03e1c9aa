import { test as base, type Browser } from '@playwright/test';
import type { AppUnderTest, Host, Target } from './hosts/app';
import { electronBinary, electronUnavailable, startElectronHost } from './hosts/electron-host';
import { canStartKeyring, startKeyringSession } from './hosts/keyring';
import { startWebHost } from './hosts/web-host';

export type { AppUnderTest, Target } from './hosts/app';

interface TestFixtures {
  /** Electron only: leave downloads to Electron's download manager instead of Playwright's interception. */
  nativeDownloads: boolean;
  _host: Host;
  app: AppUnderTest;
}

interface WorkerFixtures {
  /** Set by the project: `aditus serve` in Chromium, or the desktop app in Electron. */
  target: Target;
  /** Why the target cannot run on this machine (tests skip with it), or null. */
  _unavailable: string | null;
  keyring: string | null;
  /** The browser for the web host (null for Electron, where no browser is launched). */
  _webBrowser: Browser | null;
}

/**
 * One fixture set for both hosts, so every spec runs against the web host and, where its binary exists, the
 * desktop app: `app` is the app under test, `page` shows it (a fresh browser page, or the first Electron window).
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  target: ['web', { scope: 'worker', option: true }],
  nativeDownloads: [false, { option: true }],

  _unavailable: [
    async ({ target }, use) => {
      const reason = target === 'electron' ? electronUnavailable() : null;
      // Once per worker, so the list reporter says why its tests skip (each skip also carries the reason).
      if (reason !== null) console.log(`[${target}] every test skips: ${reason}`);
      await use(reason);
    },
    { scope: 'worker' },
  ],

  /**
   * `aditus serve`, the desktop app and the CLI keep the admin TOTP secret, admin tokens and provider keys in
   * the OS keychain. A runner without a D-Bus session (CI, `npm run test:ui`) gets a private one per worker; a
   * runner that has one keeps it. The value is the bus address (null when there is no keychain at all).
   */
  keyring: [
    async ({ _unavailable }, use) => {
      const existing = process.env['DBUS_SESSION_BUS_ADDRESS'];
      if (existing || _unavailable !== null || !canStartKeyring()) return use(existing ?? null);
      const session = await startKeyringSession();
      try {
        await use(session.address);
      } finally {
        session.stop();
      }
    },
    { scope: 'worker', auto: true },
  ],

  _webBrowser: [
    async ({ target, playwright, browserName }, use) => {
      if (target !== 'web') return use(null);
      // Launch options come from the project (Playwright applies them to every launch in this worker).
      const browser = await playwright[browserName].launch();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  _host: async ({ target, _unavailable, _webBrowser, nativeDownloads }, use, testInfo) => {
    testInfo.skip(_unavailable !== null, _unavailable ?? '');
    const host =
      target === 'electron'
        ? await startElectronHost({ binary: electronBinary()!, nativeDownloads })
        : await startWebHost(_webBrowser!);
    try {
      await use(host);
      // Playwright's own failure screenshots cover browser contexts only.
      if (target === 'electron' && testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('screenshot', { body: await host.page.screenshot(), contentType: 'image/png' });
    } finally {
      await host.close();
    }
  },
  app: async ({ _host }, use) => use(_host.app),
  page: async ({ _host }, use) => use(_host.page),
  context: async ({ page }, use) => use(page.context()),
});

/** Where a spec saves a screenshot for review: test-results/screens/, or its electron/ folder for the desktop app. */
export function screenPath(app: AppUnderTest, file: string): string {
  return app.target === 'web' ? `test-results/screens/${file}` : `test-results/screens/electron/${file}`;
}

export { expect } from '@playwright/test';
