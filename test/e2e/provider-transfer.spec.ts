import { readFileSync } from 'node:fs';
import { startEmulator, type Emulator } from '../emulator';
import { expect, screenPath, test } from './fixtures';
import { addProviderInUi, openPage, setUpAdminInUi } from './admin-ui';

const KEY = 'sk-test-moving-0123456789abcdefghij';
const PASSPHRASE = 'new laptop, same providers';

let vendor: Emulator;

test.beforeAll(async () => {
  vendor = await startEmulator({ validKeys: [KEY] });
});

test.afterAll(async () => {
  await vendor.close();
});

test('export providers with their key under a passphrase, then import the file: the key works again', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Providers');
  await addProviderInUi(page, {
    name: 'OpenAI main',
    kind: 'OpenAI',
    model: 'gpt-4o-mini',
    baseUrl: `${vendor.url}/v1`,
    apiKey: KEY,
  });
  const table = page.getByRole('table', { name: 'Providers' });
  const main = page.getByRole('main');

  // Export: without a passphrase the dialog warns that no keys go into the file.
  await main.getByRole('button', { name: 'Export…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export providers' });
  await expect(exporting.getByText('The API keys are not included')).toBeVisible();
  await exporting.getByLabel('Include the API keys, encrypted under a passphrase').check();
  await exporting.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await exporting.getByLabel('Repeat the passphrase').fill('something else');
  await expect(exporting.getByText('The two passphrases differ')).toBeVisible();
  await page.screenshot({ path: screenPath(app, 'provider-export.png') });
  await expect(exporting.getByRole('button', { name: 'Export file' })).toBeDisabled();
  await exporting.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await exporting.getByRole('button', { name: 'Export file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aditus-providers-\d{4}-\d{2}-\d{2}\.json$/u);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(KEY.slice(3));
  expect(text).not.toContain(PASSPHRASE);
  expect(JSON.parse(text)).toMatchObject({ format: 'aditus-providers', keys: { cipher: { name: 'aes-256-gcm' } } });
  await expect(exporting).toBeHidden();

  // The provider goes (as on a new laptop), then comes back from the file.
  await page.getByRole('button', { name: 'Delete OpenAI main' }).click();
  await page.getByRole('dialog', { name: 'Delete provider' }).getByRole('button', { name: 'Delete provider' }).click();
  await expect(table).toBeHidden();

  await main.getByRole('button', { name: 'Import…' }).click();
  const importing = page.getByRole('dialog', { name: 'Import providers' });
  await importing.getByLabel('Providers file').setInputFiles(file);
  const preview = importing.getByRole('table', { name: 'Providers to import' });
  const row = preview.getByRole('row').filter({ hasText: 'OpenAI main' });
  await expect(row.getByText('Will be created')).toBeVisible();
  await expect(row.getByText('Key encrypted: enter the passphrase')).toBeVisible();
  await expect(importing.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  await importing.getByLabel('Passphrase').fill('not the passphrase');
  await importing.getByRole('button', { name: 'Unlock keys' }).click();
  await expect(importing.getByRole('alert')).toContainText('Wrong passphrase');
  await importing.getByLabel('Passphrase').fill(PASSPHRASE);
  await importing.getByRole('button', { name: 'Unlock keys' }).click();
  await expect(importing.getByRole('button', { name: 'Keys unlocked' })).toBeVisible();
  await expect(row.getByText('Key from the file')).toBeVisible();
  await page.screenshot({ path: screenPath(app, 'provider-import-preview.png') });
  await importing.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importing).toBeHidden();
  await expect(page.getByText('Providers imported')).toBeVisible();

  const imported = table.getByRole('row').filter({ hasText: 'OpenAI main' });
  await expect(imported.getByText('…ghij')).toBeVisible();
  await page.getByRole('button', { name: 'Test credentials of OpenAI main' }).click();
  await expect(page.getByText('Credentials OK: OpenAI main')).toBeVisible();

  // The same file again: the provider exists, so it is skipped unless "replace" is chosen.
  await main.getByRole('button', { name: 'Import…' }).click();
  await importing.getByLabel('Providers file').setInputFiles(file);
  await expect(
    preview.getByRole('row').filter({ hasText: 'OpenAI main' }).getByText('Skipped: exists here'),
  ).toBeVisible();
  await importing.getByText('Replace it with the file’s').click();
  await expect(
    preview.getByRole('row').filter({ hasText: 'OpenAI main' }).getByText('Will replace the existing one'),
  ).toBeVisible();
  await importing.getByRole('button', { name: 'Cancel' }).click();
  await expect(importing).toBeHidden();

  // Exported without a passphrase, the file has no key: imported, the provider shows that it needs one.
  await main.getByRole('button', { name: 'Export…' }).click();
  const keyless = page.waitForEvent('download');
  await exporting.getByRole('button', { name: 'Export file' }).click();
  const keylessFile = await (await keyless).path();
  expect(JSON.parse(readFileSync(keylessFile, 'utf8'))).toMatchObject({ keys: null });
  await page.getByRole('button', { name: 'Delete OpenAI main' }).click();
  await page.getByRole('dialog', { name: 'Delete provider' }).getByRole('button', { name: 'Delete provider' }).click();
  await expect(table).toBeHidden();
  await main.getByRole('button', { name: 'Import…' }).click();
  await importing.getByLabel('Providers file').setInputFiles(keylessFile);
  await expect(preview.getByRole('row').filter({ hasText: 'OpenAI main' }).getByText('Needs a key')).toBeVisible();
  await expect(importing.getByLabel('Passphrase')).toHaveCount(0);
  await importing.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importing).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: 'OpenAI main' }).getByText('Needs a key')).toBeVisible();
});
