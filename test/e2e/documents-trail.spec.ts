import { startEmulator, type Emulator } from '../emulator';
import { ipc, openPage, setUpAdminInUi } from './admin-ui';
import {
  addPostingAndExtract,
  cli,
  editor,
  example,
  exampleText,
  importCandidate,
  openDraftingPage,
} from './drafting-helpers';
import { expect, screenPath, test } from './fixtures';

let us: Emulator;
let eu: Emulator;

test.beforeAll(async () => {
  us = await startEmulator({ openMode: true });
  eu = await startEmulator({ openMode: true });
});
test.afterAll(async () => {
  await us.close();
  await eu.close();
});

// Routing and compliance driven from the UI end to end: the strategy set on the Routing card and the policy set on
// the candidate decide where the draft goes; the version history says why and where, after a reload too.
test('a drafted version shows why its provider was chosen and where the candidate data went', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  const base = { kind: 'openai-compatible', model: 'm', tasks: ['cover_letter'], piiMasking: true };
  await ipc(app, 'providers:create', {
    config: { ...base, name: 'us-cloud', baseUrl: `${us.url}/v1`, region: 'us', priority: 10 },
  });
  await ipc(app, 'providers:create', {
    config: { ...base, name: 'eu-cloud', baseUrl: `${eu.url}/v1`, region: 'eu', priority: 20 },
  });

  await openPage(page, 'Providers');
  const routing = page.getByRole('region', { name: 'Routing' });
  await routing.getByRole('combobox', { name: 'Routing strategy for Cover letter' }).click();
  await page.getByRole('option', { name: 'Fastest (recent median latency)' }).click();
  await expect(page.getByText('Routing saved')).toBeVisible();

  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await page.getByRole('combobox', { name: 'Data policy' }).click();
  await page.getByRole('option', { name: /^EU only/u }).click();
  await expect(page.getByRole('combobox', { name: 'Data policy' })).toHaveValue(/^EU only/u);
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');

  await openDraftingPage(page, 'Documents');
  eu.pushReplies('Dear Northwind Logistics team,\n\nI build reliable Go services.');
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(editor(page)).toHaveValue(/reliable Go services/u, { timeout: 30_000 });

  const trail = page.getByTestId('version-route-1');
  const expectTrail = async () => {
    await expect(trail).toContainText('Routed by fastest (recent median latency).');
    await expect(trail).toContainText(
      'Candidate data sent to eu-cloud (region eu), personal identifiers masked (replaced by placeholders, restored in the text).',
    );
    await trail.getByText('Provider order and scores').click();
    // The EU-only policy left the US provider out; with no calls yet, eu-cloud keeps its priority position.
    await expect(trail.getByRole('listitem')).toHaveText([
      '1. eu-cloud: 0 calls (fewer than 20 or unpriced): keeps its priority position 1',
    ]);
  };
  await expectTrail();
  await page
    .getByRole('list', { name: 'Version history' })
    .screenshot({ path: screenPath(app, 'documents-trail.png') });

  // Nothing reached the US provider; the EU one received none of the candidate's identifiers.
  expect(us.requests()).toHaveLength(0);
  const sent = JSON.stringify(eu.requests().map((r) => r.body));
  expect(sent).toContain('Northwind');
  for (const identifier of ['Sørensen', 'lea.sorensen@example.com', '2345 6789'])
    expect(sent).not.toContain(identifier);

  // Stored with the version: the same after a reload, and the CLI prints the same sentences.
  await page.reload();
  await openDraftingPage(page, 'Documents');
  await expectTrail();
  const [doc] = await ipc<{ id: string }[]>(app, 'documents:list', {});
  const shown = cli(app, ['documents', 'show', doc!.id]);
  expect(shown).toContain('Routed by fastest (recent median latency).');
  expect(shown).toContain('Candidate data sent to eu-cloud (region eu), personal identifiers masked');
});
