import { startEmulator, type Emulator } from '../emulator';
import { expect, screenPath, test } from './fixtures';
import { ipc, openPage, setUpAdminInUi } from './admin-ui';
import { example, importCandidate } from './drafting-helpers';

let local: Emulator;

test.beforeAll(async () => {
  local = await startEmulator({ openMode: true });
});
test.afterAll(async () => {
  await local.close();
});

test('region, personal data and masking in the provider form; a data policy on the candidate screen', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Providers');

  await page.getByRole('main').getByRole('button', { name: 'Add provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a provider' });
  await dialog.getByLabel('Name').fill('On-prem llama');
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'OpenAI-compatible', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Model' }).fill('llama3.1:8b');
  await dialog.getByLabel('Base URL').fill(`${local.url}/v1`);
  const masking = dialog.getByRole('switch', { name: 'Mask candidate identifiers' });
  await expect(masking).toBeChecked();
  // A local provider: masking follows the region (off) until the admin sets it.
  await dialog.getByRole('combobox', { name: 'Region' }).click();
  await page.getByRole('option', { name: /^Local/u }).click();
  await expect(masking).not.toBeChecked();
  await dialog.getByLabel('Data retention').fill('none');
  await dialog.screenshot({ path: screenPath(app, 'provider-data-protection.png') });
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  await expect(dialog).toBeHidden();
  const [saved] = await ipc<{ region: string; dataRetention: string; personalData: boolean; piiMasking: boolean }[]>(
    app,
    'providers:list',
    {},
  );
  expect(saved).toMatchObject({ region: 'local', dataRetention: 'none', personalData: true, piiMasking: false });

  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  const policy = page.getByRole('combobox', { name: 'Data policy' });
  await expect(policy).toHaveValue('Any provider region');
  await policy.click();
  await page.getByRole('option', { name: /^Local only/u }).click();
  await expect(policy).toHaveValue(/^Local only/u);
  await page.screenshot({ path: screenPath(app, 'candidate-data-policy.png') });
  const policies = await ipc<{ scope: string; allow: string }[]>(app, 'policies:list', {});
  expect(policies).toMatchObject([{ scope: 'candidate', allow: 'local' }]);
});
