import { startEmulator, type Emulator } from '../emulator';
import { expect, screenPath, test } from './fixtures';
import { addProviderInUi, ask, ipc, openPage, setUpAdminInUi } from './admin-ui';
import { addPostingAndExtract, example, exampleText, importCandidate, openDraftingPage } from './drafting-helpers';

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

test('with enough calls the card orders by score, and a draft’s version says which strategy and scores chose it', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  const base = { kind: 'openai-compatible', baseUrl: `${emulator.url}/v1`, tasks: ['cover_letter'] };
  await ipc(app, 'providers:create', { config: { ...base, name: 'Dear', model: 'dear-model', priority: 10 } });
  await ipc(app, 'providers:create', { config: { ...base, name: 'Cheap', model: 'cheap-model', priority: 20 } });
  await ipc(app, 'prices:set', { model: 'dear-model', inputUsdPerMTok: 2, outputUsdPerMTok: 4 });
  await ipc(app, 'prices:set', { model: 'cheap-model', inputUsdPerMTok: 1, outputUsdPerMTok: 2 });
  // The minimum sample: 20 calls of each provider for this task (real calls, recorded in the usage ledger).
  for (const provider of ['Dear', 'Cheap'])
    for (let i = 0; i < 20; i++)
      expect(await ask(app, { task: 'cover_letter', prompt: `Say hello ${i}`, provider })).toBeNull();

  await openPage(page, 'Providers');
  const card = page.getByRole('region', { name: 'Routing' });
  const letters = card.getByRole('row').filter({ hasText: 'Cover letter' });
  await expect(letters.getByRole('listitem')).toHaveText(['Dear', 'Cheap']);
  await card.getByRole('combobox', { name: 'Routing strategy for Cover letter' }).click();
  await page.getByRole('option', { name: 'Cheapest (expected cost)' }).click();
  await expect(page.getByText('Routing saved')).toBeVisible();
  await expect(letters.getByRole('listitem')).toHaveText([
    'Cheap (score 1.000, 20 calls)',
    'Dear (score 0.500, 20 calls)',
  ]);

  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(page.getByTestId('answer-summary')).toBeVisible({ timeout: 30_000 });
  const trail = page.getByTestId('version-route-1');
  await expect(trail).toContainText('Routed by cheapest (expected cost)');
  await trail.getByText('Provider order and scores').click();
  // 5% of calls explore the second choice: then Dear answers first and the trail says so.
  const lines = await trail.getByRole('listitem').allTextContents();
  expect(lines.map((l) => l.replace(/^\d+\. /u, '').split(':')[0]).sort()).toEqual(['Cheap', 'Dear']);
  expect(lines.join('\n')).toMatch(
    /Cheap: score 1\.000 \(20 calls, 100% ok, p50 \d+ ms, ~\$0\.\d{6} a call \(estimate\)\)/u,
  );
  const first = lines[0]?.startsWith('1. Cheap') ? 'Cheap' : 'Dear';
  if (first === 'Dear') await expect(trail).toContainText('this call explored the second choice');
  await expect(trail).toContainText(`Candidate data sent to ${first} (region other)`);
});
