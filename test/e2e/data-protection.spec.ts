import { startEmulator, type Emulator } from '../emulator';
import { expect, screenPath, test } from './fixtures';
import { ipc, openPage, setUpAdminInUi } from './admin-ui';
import { addPostingAndExtract, example, exampleText, importCandidate, openDraftingPage } from './drafting-helpers';

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

test('a task data policy set on the Routing card refuses a draft no allowed provider can serve; nothing is sent', async ({
  page,
  app,
}) => {
  local.reset();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await ipc(app, 'providers:create', {
    config: {
      name: 'us-cloud',
      kind: 'openai-compatible',
      model: 'm',
      baseUrl: `${local.url}/v1`,
      tasks: ['cover_letter'],
      region: 'us',
    },
  });
  await openPage(page, 'Providers');
  const routing = page.getByRole('region', { name: 'Routing' });
  const policy = routing.getByRole('combobox', { name: 'Data policy for Cover letter' });
  await expect(policy).toHaveValue('Any region');
  await policy.click();
  await page.getByRole('option', { name: 'EU only (EU and local providers)' }).click();
  await expect(page.getByText('Data policy saved')).toBeVisible();
  await routing.screenshot({ path: screenPath(app, 'routing-card-task-policy.png') });
  expect(await ipc<{ scope: string; target: string; allow: string }[]>(app, 'policies:list', {})).toEqual([
    expect.objectContaining({ scope: 'task', target: 'cover_letter', allow: 'eu' }),
  ]);

  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(
    page.getByText(
      'The data policy "EU only" (set for task cover_letter) allows none of the providers routed to cover_letter: us-cloud (us). Nothing was sent.',
      { exact: false },
    ),
  ).toBeVisible({ timeout: 30_000 });
  expect(local.requests().filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);

  // Stored: the card shows it again when the page loads anew.
  await openPage(page, 'Settings');
  await openPage(page, 'Providers');
  await expect(
    page.getByRole('region', { name: 'Routing' }).getByRole('combobox', { name: 'Data policy for Cover letter' }),
  ).toHaveValue('EU only (EU and local providers)');
});
