import { startEmulator, type Emulator } from '../emulator';
import { expect, screenPath, test } from './fixtures';
import { ipc, openPage, setUpAdminInUi } from './admin-ui';

const GOOD_KEY = 'sk-test-good-0123456789abcdefghij';
const WRONG_KEY = 'sk-test-wrong-0123456789abcdefghij';

let vendor: Emulator;

test.beforeAll(async () => {
  vendor = await startEmulator({ validKeys: [GOOD_KEY] });
});
test.afterAll(() => vendor.close());

test('"Test" in the provider form checks the address, key and model before saving', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Providers');

  await page.getByRole('main').getByRole('button', { name: 'Add provider' }).click();
  const form = page.getByRole('dialog', { name: 'Add a provider' });
  const testButton = form.getByRole('button', { name: 'Test', exact: true });
  await form.getByLabel('Name').fill('OpenAI checked');
  await form.getByRole('combobox', { name: 'Model' }).fill('gpt-4o-mini');
  await form.getByLabel('Base URL').fill(`${vendor.url}/v1`);

  // A rejected key: the precise reason, never the key.
  await form.getByLabel('API key').fill(WRONG_KEY);
  await testButton.click();
  const failed = form.getByRole('alert').filter({ hasText: 'Test failed: Key rejected' });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('The API key was rejected by OpenAI (401). Check the key.');
  expect(await failed.textContent()).not.toContain(WRONG_KEY.slice(8, 22));

  // The right key, a model the provider does not offer.
  await form.getByLabel('API key').fill(GOOD_KEY);
  await form.getByRole('combobox', { name: 'Model' }).fill('gpt-9-turbo');
  await testButton.click();
  await expect(form.getByRole('alert').filter({ hasText: 'Test failed: Model not offered' })).toContainText(
    'does not offer the model "gpt-9-turbo"',
  );

  // Right key and model: passed, and still nothing saved.
  await form.getByRole('combobox', { name: 'Model' }).fill('gpt-4o-mini');
  await testButton.click();
  const passed = form.getByRole('status').filter({ hasText: 'Test passed' });
  await expect(passed).toContainText('OpenAI accepted the key and offers gpt-4o-mini.');
  await expect(passed).toContainText(/4 models listed in \d+ ms\. No tokens spent; nothing saved yet\./u);
  await page.screenshot({ path: screenPath(app, 'provider-form-test-passed.png') });
  expect(await ipc<unknown[]>(app, 'providers:list', {})).toEqual([]);
  expect(vendor.requests().filter((r) => r.path.endsWith('/chat/completions'))).toEqual([]);

  // Saving after the test stores the config as usual.
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(form).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Providers' }).getByText('OpenAI checked', { exact: true }),
  ).toBeVisible();

  // Editing without a new key: "Test" uses the stored key with the changed model, and does not save it.
  await page.getByRole('button', { name: 'Edit OpenAI checked' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit provider: OpenAI checked' });
  await edit.getByRole('combobox', { name: 'Model' }).fill('gpt-4.1');
  await edit.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(edit.getByRole('status').filter({ hasText: 'Test passed' })).toContainText('offers gpt-4.1.');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  const [saved] = await ipc<{ model: string }[]>(app, 'providers:list', {});
  expect(saved?.model).toBe('gpt-4o-mini');
});
