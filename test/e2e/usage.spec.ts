import { readFileSync } from 'node:fs';
import { startEmulator, type Emulator } from '../emulator';
import { expect, test } from './fixtures';
import { openPage, seedUsage, setUpAdminInUi } from './admin-ui';

let emu: Emulator;
test.beforeAll(async () => {
  emu = await startEmulator({ openMode: true });
});
test.afterAll(async () => {
  await emu.close();
});

test('the usage page shows totals, cost, unpriced and estimated usage, charts, health, and exports CSV', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await seedUsage(app, emu);

  await openPage(page, 'Usage');
  const calls = page.getByRole('group', { name: 'Calls' });
  await expect(calls).toContainText('7');
  await expect(page.getByRole('group', { name: 'Error rate' })).toContainText('14.3%');
  const cost = page.getByRole('group', { name: 'Cost' });
  await expect(cost).toContainText('$0.000351');
  await expect(cost).toContainText('3 unpriced calls not included');
  await expect(page.getByRole('group', { name: 'Tokens' })).toContainText('1 call with estimated tokens');
  await expect(page.getByText('Some usage is unpriced or estimated')).toBeVisible();

  for (const chart of [
    'Cost per day by provider',
    'Tokens per day',
    'Calls and error rate by provider',
    'Latency by provider',
    'Calls by task',
    'Peak hours',
    'Cost per user',
  ])
    await expect(page.getByRole('region', { name: chart })).toBeVisible();
  const health = page.getByRole('table', { name: 'Provider health' });
  await expect(health.getByRole('row').filter({ hasText: 'Emulated GPT' })).toContainText('bad_request × 1');
  await expect(health.getByRole('row').filter({ hasText: 'Local llama' })).toContainText('100.0%');

  // Budget alert: Emulated GPT has a 400-token daily limit and used most of it.
  await expect(page.getByText(/Emulated GPT: today’s token budget is at \d+%/u)).toBeVisible();

  // Presets change the range; the totals stay (all calls were today).
  await page.getByText('7 days', { exact: true }).click();
  await expect(calls).toContainText('7');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aditus-usage-\d{4}-\d{2}-\d{2}\.csv$/u);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toContain('requestId');
  expect(csv).toHaveLength(1 + 7);
});
