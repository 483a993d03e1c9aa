import { expect, screenPath, test } from './fixtures';
import { ipc, openPage, setUpAdminInUi } from './admin-ui';

test('the audit page lists actions, filters, shows details and verifies the chain', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await ipc(app, 'providers:create', {
    config: { name: 'Local', kind: 'openai-compatible', model: 'llama3.1:8b', baseUrl: 'http://127.0.0.1:9/v1' },
  });

  // A price edit through the Pricing page is audited too.
  await openPage(page, 'Pricing');
  await page.getByLabel('Filter models').fill('gpt-4o-mini');
  const input = page.getByLabel('gpt-4o-mini input price');
  await input.fill('0.2');
  await page.getByRole('button', { name: 'Save price of gpt-4o-mini' }).click();
  await expect(page.getByText('gpt-4o-mini is now at version 2.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'gpt-4o-mini' })).toContainText('v2');

  await openPage(page, 'Audit');
  const table = page.getByRole('table', { name: 'Audit log' });
  for (const action of ['admin.setup', 'admin.login', 'provider.create', 'price.set'])
    await expect(table.getByText(action, { exact: true })).toBeVisible();

  await page.getByRole('combobox', { name: 'Action starts with' }).fill('provider.');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByText('admin.setup', { exact: true })).toHaveCount(0);
  await expect(table.getByText('provider.create', { exact: true })).toBeVisible();

  const row = table.getByRole('row').filter({ hasText: 'provider.create' });
  await row.getByRole('button', { name: /Details of audit row/u }).click();
  const drawer = page.getByRole('dialog', { name: /Audit row \d+/u });
  await expect(drawer.getByText('"model": "llama3.1:8b"')).toBeVisible();
  // Times in the app's date-time format, as the "When" field shows them, not epoch milliseconds.
  const after = drawer.locator('pre').nth(1);
  await expect(after).toContainText(/"createdAt": "\d{2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}"/u);
  await expect(after).not.toContainText(/"(createdAt|updatedAt)": \d+/u);
  await page.screenshot({ path: screenPath(app, 'audit-details-times.png') });
  await drawer.getByRole('button', { name: 'Close panel' }).click();

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByText('Audit chain verified')).toBeVisible();
  await expect(page.getByText(/All \d+ audit rows verify\./u)).toBeVisible();
});
