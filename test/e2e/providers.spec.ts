import { startEmulator, type Emulator } from '../emulator';
import { expect, test } from './fixtures';
import { addProviderInUi, openPage, setUpAdminInUi } from './admin-ui';

const GOOD_KEY = 'sk-test-good-0123456789abcdefghij';
const WRONG_KEY = 'sk-test-wrong-0123456789abcdefghij';

let local: Emulator;
let vendor: Emulator;

test.beforeAll(async () => {
  local = await startEmulator({ openMode: true });
  vendor = await startEmulator({ validKeys: [GOOD_KEY] });
});

test.afterAll(async () => {
  await local.close();
  await vendor.close();
});

test('add providers through the form, test credentials, replace a rejected key, delete', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Providers');

  // Validation happens in the form before anything is sent.
  await page.getByRole('main').getByRole('button', { name: 'Add provider' }).click();
  const form = page.getByRole('dialog', { name: 'Add a provider' });
  await form.getByLabel('Base URL').fill('not a url');
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(form.getByText('Name is required')).toBeVisible();
  await expect(form.getByText('Model is required')).toBeVisible();
  await expect(form.getByText('Enter a full address')).toBeVisible();
  await form.getByLabel('Base URL').fill('');
  await form.getByLabel('API key').fill('not-an-openai-key');
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(form.getByText('That does not look like an API key for OpenAI')).toBeVisible();
  await form.getByLabel('API key').fill('');
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(form.getByText('OpenAI needs an API key')).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();

  // A local OpenAI-compatible server (no key).
  await addProviderInUi(page, {
    name: 'Local llama',
    kind: 'OpenAI-compatible',
    model: 'llama3.1:8b',
    baseUrl: `${local.url}/v1`,
  });
  await expect(page.getByText('Provider added')).toBeVisible();
  const table = page.getByRole('table', { name: 'Providers' });
  const localRow = table.getByRole('row').filter({ hasText: 'Local llama' });
  await expect(localRow.getByText('OpenAI-compatible')).toBeVisible();
  await expect(localRow.getByText('Active')).toBeVisible();
  await page.getByRole('button', { name: 'Test credentials of Local llama' }).click();
  await expect(page.getByText('Credentials OK: Local llama')).toBeVisible();
  await expect(page.getByText(/llama3\.1:8b answered in \d+ ms/u)).toBeVisible();

  // An OpenAI provider whose key the vendor rejects: the classified auth message is shown.
  await addProviderInUi(page, {
    name: 'OpenAI main',
    kind: 'OpenAI',
    model: 'gpt-4o-mini',
    baseUrl: `${vendor.url}/v1`,
    apiKey: WRONG_KEY,
  });
  const openaiRow = table.getByRole('row').filter({ hasText: 'OpenAI main' });
  await expect(openaiRow.getByText('…ghij')).toBeVisible();
  await page.getByRole('button', { name: 'Test credentials of OpenAI main' }).click();
  await expect(page.getByText('Credentials test failed: OpenAI main')).toBeVisible();
  await expect(page.getByText(/The API key was rejected/u)).toBeVisible();
  await expect(openaiRow.getByText('Key invalid')).toBeVisible();

  // Edit: the key is never shown; "Replace key" sends a new one, then the test passes.
  await page.getByRole('button', { name: 'Edit OpenAI main' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit provider: OpenAI main' });
  await expect(edit.getByText('Stored key ends in …ghij')).toBeVisible();
  await expect(edit.getByLabel('New API key')).toHaveCount(0);
  await edit.getByLabel('Replace key').check();
  await edit.getByLabel('New API key').fill(GOOD_KEY);
  await edit.getByLabel('Daily token limit').fill('100000');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(openaiRow.getByText('Key invalid')).toHaveCount(0);
  await page.getByRole('button', { name: 'Test credentials of OpenAI main' }).click();
  await expect(page.getByText('Credentials OK: OpenAI main')).toBeVisible();
  await expect(openaiRow.getByText('0 / 100,000 tokens')).toBeVisible();

  // The model list comes from the provider when editing a saved config.
  await page.getByRole('button', { name: 'Edit OpenAI main' }).click();
  await edit.getByRole('combobox', { name: 'Model' }).click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // Delete asks first.
  await page.getByRole('button', { name: 'Delete Local llama' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete provider' });
  await expect(confirm.getByText('Its API key is removed from the OS keychain')).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete provider' }).click();
  await expect(localRow).toHaveCount(0);
  await expect(page.getByText('Provider deleted')).toBeVisible();
});
