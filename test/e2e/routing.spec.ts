import { startEmulator, type Emulator } from '../emulator';
import { expect, screenPath, test } from './fixtures';
import { addProviderInUi, openPage, setUpAdminInUi } from './admin-ui';

let emulator: Emulator;

test.beforeAll(async () => {
  emulator = await startEmulator({ openMode: true });
});

test.afterAll(async () => {
  await emulator.close();
});

test('the Routing card sets a task strategy and shows the order it gives', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Providers');
  for (const name of ['Local one', 'Local two'])
    await addProviderInUi(page, {
      name,
      kind: 'OpenAI-compatible',
      model: 'llama3.1:8b',
      baseUrl: `${emulator.url}/v1`,
    });

  const card = page.getByRole('region', { name: 'Routing' });
  const extraction = card.getByRole('row').filter({ hasText: 'Extraction' });
  await expect(extraction.getByRole('listitem')).toHaveText(['Local one', 'Local two']);

  await card.getByRole('combobox', { name: 'Routing strategy for Extraction' }).click();
  await page.getByRole('option', { name: 'Fastest (recent median latency)' }).click();
  await expect(page.getByText('Routing saved')).toBeVisible();
  // No calls yet: both keep their priority position, and the card says why.
  await expect(extraction.getByRole('listitem')).toHaveText([
    'Local one (0 calls: keeps its priority position)',
    'Local two (0 calls: keeps its priority position)',
  ]);
  await page.screenshot({ path: screenPath(app, 'providers-routing-card.png'), fullPage: true });

  // Stored: shown again when the page loads anew.
  await openPage(page, 'Settings');
  await openPage(page, 'Providers');
  await expect(
    page.getByRole('region', { name: 'Routing' }).getByRole('combobox', { name: 'Routing strategy for Extraction' }),
  ).toHaveValue('Fastest (recent median latency)');
});
