import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openPage, setUpAdminInUi } from './admin-ui';

test('settings: shows where the log file is, in the app’s data folder', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Settings');
  const card = page.getByRole('region', { name: 'Log file' });
  await expect(card.getByLabel('Log file location', { exact: true })).toHaveText(
    join(app.dataDir, 'logs', 'aditus.log'),
  );
  await expect(card.getByRole('button', { name: 'Copy the log file location' })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-log-file.png') });
});
