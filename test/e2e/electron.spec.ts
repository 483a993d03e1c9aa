import type { ElectronApplication, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulator';
import { createAdminAccount, ipc, openPage, seedUsage, setUpAdminInUi } from './admin-ui';
import { expect, test, type AppUnderTest } from './fixtures';

/** Behaviour only the desktop app has; the shared specs cover the rest against Electron too. */
test.skip(({ target }) => target !== 'electron', 'Desktop-only behaviour');

function desktop(app: AppUnderTest): ElectronApplication {
  if (!app.electron) throw new Error('Not the desktop app');
  return app.electron;
}

test('the window gets the preload bridge and nothing of Node', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Aditus' })).toBeVisible();
  expect(await page.title()).toBe('Aditus');
  // String scripts: this file is type-checked without the DOM library.
  expect(await page.evaluate('typeof window.api?.invoke')).toBe('function');
  expect(await page.evaluate('[typeof require, typeof process, typeof module]')).toEqual([
    'undefined',
    'undefined',
    'undefined',
  ]);
});

test('the page comes from app://aditus with the CSP as a header, and cannot navigate away', async ({ page, app }) => {
  await page.goto(app.url);
  expect(page.url()).toBe('app://aditus/index.html');
  // frame-ancestors works only as a header: the meta tag of the built page cannot carry it.
  const csp = await page.evaluate(`fetch('/index.html').then((r) => r.headers.get('content-security-policy'))`);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  // A page-initiated navigation is cancelled before any request is made (.invalid never resolves anyway).
  await page.evaluate(`location.href = 'https://example.invalid/'`);
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://aditus/index.html');
  await expect(page.getByRole('heading', { name: 'Aditus' })).toBeVisible();
});

test('a Copy button puts the text on the system clipboard', async ({ page, app }) => {
  const electron = desktop(app);
  await page.goto(app.url);
  await electron.evaluate(({ clipboard }) => clipboard.writeText('not the secret'));
  await openPage(page, 'Providers');
  const secret = await createAdminAccount(page);

  // The clipboard API needs a focused document, as it has when a user clicks the button.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Copy secret key' }).click();
  await expect(page.getByRole('tooltip', { name: 'Copied' })).toBeVisible();
  await expect.poll(() => electron.evaluate(({ clipboard }) => clipboard.readText())).toBe(secret);
});

test.describe('budget alerts', () => {
  let emu: Emulator;
  test.beforeAll(async () => {
    emu = await startEmulator({ openMode: true });
  });
  test.afterAll(async () => {
    await emu.close();
  });

  /** Records the page's `new Notification(…)` calls (installed before the app's scripts run). */
  const NOTIFICATION_SPY = `(() => {
    const Real = window.Notification;
    const raised = [];
    Object.defineProperty(window, '__raisedNotifications', { value: raised });
    window.Notification = class extends Real {
      constructor(title, options) {
        super(title, options);
        raised.push({ title, body: options?.body ?? '' });
      }
    };
  })()`;
  const raised = (page: Page) => page.evaluate('window.__raisedNotifications') as Promise<unknown[]>;

  test('raise one desktop notification per alert per session', async ({ page, app }) => {
    await page.addInitScript(NOTIFICATION_SPY);
    await page.goto(app.url);
    // The window's permission policy grants notifications to the app's own page.
    expect(await page.evaluate('Notification.permission')).toBe('granted');
    expect(await raised(page)).toEqual([]);

    await setUpAdminInUi(page);
    await seedUsage(app, emu);
    await openPage(page, 'Usage');
    const alert = page.getByText(/Emulated GPT: today’s token budget is at \d+%/u);
    await expect(alert).toBeVisible();
    await expect
      .poll(() => raised(page))
      .toEqual([
        {
          title: 'Aditus: budget at 80%',
          body: expect.stringMatching(/^Emulated GPT: today’s token budget is at \d+%/u),
        },
      ]);

    // The Providers page shows the same alert; a reload keeps the session: no second notification.
    await openPage(page, 'Providers');
    await expect(alert).toBeVisible();
    await page.reload();
    await openPage(page, 'Usage');
    await expect(alert).toBeVisible();
    await page.waitForTimeout(500);
    expect(await raised(page)).toEqual([]);
  });
});

test.describe("Electron's own download manager", () => {
  test.use({ nativeDownloads: true });

  interface SavedDownload {
    state: string;
    fileName: string;
    path: string;
    /** Where the app's save dialog proposed to save it. */
    proposed: string | undefined;
  }

  test('saves an export where the user chooses in the save dialog, with the exported content', async ({
    page,
    app,
  }) => {
    const electron = desktop(app);
    const folder = mkdtempSync(join(tmpdir(), 'aditus-downloads-'));
    try {
      // The app's will-download handler asks its save dialog; the test answers as a user picking a folder would.
      await electron.evaluate(({ dialog, session }, dir) => {
        let proposed: string | undefined;
        dialog.showSaveDialogSync = ((...args: unknown[]) => {
          proposed = (args[args.length - 1] as { defaultPath?: string }).defaultPath;
          return `${dir}/${(proposed ?? '').split(/[\\/]/u).pop()}`;
        }) as typeof dialog.showSaveDialogSync;
        const saved = new Promise<SavedDownload>((resolve) => {
          session.defaultSession.once('will-download', (_event, item) => {
            item.once('done', (_e, state) =>
              resolve({ state, fileName: item.getFilename(), path: item.getSavePath(), proposed }),
            );
          });
        });
        Object.assign(globalThis, { aditusSavedDownload: saved });
      }, folder);

      await page.goto(app.url);
      await openPage(page, 'Usage');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const saved = await electron.evaluate(
        () => (globalThis as unknown as { aditusSavedDownload: Promise<SavedDownload> }).aditusSavedDownload,
      );
      expect(saved.state).toBe('completed');
      expect(saved.fileName).toMatch(/^aditus-usage-\d{4}-\d{2}-\d{2}\.csv$/u);
      const exported = await ipc<{ filename: string; content: string }>(app, 'usage:export', { format: 'csv' });
      expect(saved.fileName).toBe(exported.filename);
      expect(saved.proposed?.endsWith(exported.filename)).toBe(true);
      expect(saved.path).toBe(`${folder}/${exported.filename}`);
      expect(readFileSync(saved.path, 'utf8')).toBe(exported.content);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
