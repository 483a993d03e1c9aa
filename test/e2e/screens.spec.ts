import type { Page } from '@playwright/test';
import { startEmulator, type Emulator } from '../emulator';
import { expect, screenPath, test, type AppUnderTest } from './fixtures';
import { createAdminAccount, ipc, openPage, seedUsage, totpNow, unlockWithRecoveryCode } from './admin-ui';

/**
 * Screenshots of every main screen at 1280×800 and 1920×1080, light and dark, for review:
 * test-results/screens/<screen>-<width>x<height>-<theme>.png.
 */
const VARIANTS = [
  { width: 1280, height: 800, theme: 'light' },
  { width: 1280, height: 800, theme: 'dark' },
  { width: 1920, height: 1080, theme: 'light' },
  { width: 1920, height: 1080, theme: 'dark' },
] as const;
type Variant = (typeof VARIANTS)[number];

let emu: Emulator;
test.beforeAll(async () => {
  emu = await startEmulator({ openMode: true });
});
test.afterAll(async () => {
  await emu.close();
});

/**
 * Size and theme. The theme goes through Mantine's localStorage manager and the same `storage` event another
 * window would send, so it also works under an open dialog and keeps in-memory state (the setup) alive.
 */
async function applyVariant(page: Page, v: Variant): Promise<void> {
  await page.setViewportSize({ width: v.width, height: v.height });
  // A string script: this file is type-checked without the DOM library.
  const theme = JSON.stringify(v.theme);
  await page.evaluate(`(() => {
    const key = 'aditus.color-scheme';
    localStorage.setItem(key, ${theme});
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: ${theme}, storageArea: localStorage }));
  })()`);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', v.theme);
}

/** Pages as a whole (full page); dialogs and drawers as the window shows them (`fullPage: false`). */
async function shot(page: Page, app: AppUnderTest, screen: string, v: Variant, fullPage: boolean): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  await page.waitForTimeout(250);
  await page.screenshot({
    path: screenPath(app, `${screen}-${v.width}x${v.height}-${v.theme}.png`),
    fullPage,
  });
}

async function everyVariant(
  page: Page,
  app: AppUnderTest,
  screen: string,
  options: { prepare?: () => Promise<void>; dialog?: boolean } = {},
): Promise<void> {
  for (const v of VARIANTS) {
    await applyVariant(page, v);
    if (options.prepare) await options.prepare();
    await shot(page, app, screen, v, !options.dialog);
  }
}

test('screenshots of every main screen, both sizes, light and dark', async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);

  // Recruiter view (drafting screens have their own screenshots) and the first-run setup, step by step.
  await openPage(page, 'Usage');
  await expect(page.getByText('No AI usage in this period')).toBeVisible();
  await everyVariant(page, app, 'usage-empty');
  await openPage(page, 'Providers');
  await page.getByLabel('New admin password').fill('short-pass');
  await everyVariant(page, app, 'setup-password');
  const secret = await createAdminAccount(page);
  await everyVariant(page, app, 'setup-authenticator');
  await page.getByRole('button', { name: 'I added it to my authenticator' }).click();
  const codesText = await page.getByRole('group', { name: 'Recovery codes' }).innerText();
  const recoveryCodes = codesText.split(/\s+/u).filter((c) => /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/u.test(c));
  await page.getByLabel('I saved my recovery codes somewhere safe').check();
  await everyVariant(page, app, 'setup-recovery-codes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Authenticator code').fill(totpNow(secret));
  await page.getByRole('button', { name: 'Finish and unlock' }).click();
  await expect(page.getByTestId('role-badge')).toContainText('Admin');

  // Data for the admin pages.
  await seedUsage(app, emu);
  await ipc(app, 'providers:create', {
    config: {
      name: 'Claude quality',
      kind: 'anthropic',
      model: 'claude-sonnet-4-5',
      baseUrl: `${emu.url}`,
      tasks: ['cv_draft', 'cover_letter'],
      priority: 10,
      monthlyTokenLimit: 2_000_000,
      monthlyCostLimitUsd: 25,
    },
    apiKey: 'sk-ant-test-0123456789abcdefghijklmn',
  });

  await openPage(page, 'Providers');
  await expect(page.getByRole('table', { name: 'Providers' })).toBeVisible();
  await everyVariant(page, app, 'providers');

  await page.getByRole('button', { name: 'Edit Emulated GPT' }).click();
  const editDialog = page.getByRole('dialog', { name: 'Edit provider: Emulated GPT' });
  await editDialog.getByLabel('Replace key').check();
  await everyVariant(page, app, 'provider-form', { dialog: true });
  await editDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(editDialog).toBeHidden();

  await openPage(page, 'Usage');
  await expect(page.getByRole('region', { name: 'Peak hours' })).toBeVisible();
  await everyVariant(page, app, 'usage', { prepare: () => page.waitForTimeout(1200) });

  await openPage(page, 'Audit');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByText('Audit chain verified')).toBeVisible();
  await everyVariant(page, app, 'audit');
  await page
    .getByRole('row')
    .filter({ hasText: 'provider.create' })
    .first()
    .getByRole('button', { name: /Details of audit row/u })
    .click();
  await everyVariant(page, app, 'audit-details', { dialog: true });
  await page.getByRole('button', { name: 'Close panel' }).click();

  await openPage(page, 'Pricing');
  await page.getByLabel('gpt-4o-mini input price').fill('0.2');
  await everyVariant(page, app, 'pricing');

  await openPage(page, 'Settings');
  await everyVariant(page, app, 'settings');

  await page.getByRole('button', { name: 'Open the admin guide' }).click();
  await expect(page.getByRole('dialog', { name: 'Admin guide' })).toBeVisible();
  await everyVariant(page, app, 'help', { dialog: true });
  await page.keyboard.press('Escape');

  // Locked: the lock notice, then the unlock dialog over it (a recovery code unlocks).
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByTestId('role-badge')).toHaveText('Recruiter');
  await everyVariant(page, app, 'locked');
  await page.getByRole('banner').getByRole('button', { name: 'Unlock admin' }).click();
  await expect(page.getByRole('dialog', { name: 'Unlock admin' })).toBeVisible();
  await everyVariant(page, app, 'unlock-dialog', { dialog: true });
  await page.keyboard.press('Escape');
  await unlockWithRecoveryCode(page, recoveryCodes[1]!);
});
