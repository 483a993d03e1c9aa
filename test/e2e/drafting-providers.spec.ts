import { startEmulator, type Emulator } from '../emulator';
import {
  addOpenAiCompatibleCli,
  addPostingAndExtract,
  adminLoginCli,
  editor,
  example,
  exampleText,
  importCandidate,
  openDraftingPage,
} from './drafting-helpers';
import { expect, screenPath, test } from './fixtures';

let primary: Emulator;
let backup: Emulator;

test.beforeAll(async () => {
  primary = await startEmulator({ openMode: true });
  backup = await startEmulator({ openMode: true });
});

test.afterAll(async () => {
  await primary.close();
  await backup.close();
});

test.beforeEach(() => {
  primary.reset();
  backup.reset();
});

const words = (n: number) =>
  Array.from({ length: n }, (_, i) => `Lea Sørensen built reliable Go services, part ${i + 1}.`).join(' ');

test('model output with HTML runs nothing and is shown as text', async ({ page, app }) => {
  adminLoginCli(app);
  addOpenAiCompatibleCli(app, { name: 'emu', baseUrl: `${primary.url}/v1` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');

  const reply =
    '# Lea Sørensen\n\n<img src=x onerror="window.__xss=1">\n\n<script>window.__xss=2</script>\n\n- **Go** services';
  primary.pushReplies(reply);
  await openDraftingPage(page, 'Documents');
  await expect(page.getByText('AI: emu')).toBeVisible();
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(editor(page)).toHaveValue(reply, { timeout: 30_000 });
  await expect(editor(page)).toHaveValue(/<img src=x/u);
  await expect(editor(page)).toHaveValue(/<script>/u);
  await expect(page.getByTestId('answer-summary')).toContainText('emu');

  // The preview renders Markdown as elements: the tags stay literal text, no element is created.
  await page.getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByRole('tabpanel', { name: 'Preview' });
  await expect(preview.getByText('<img src=x onerror="window.__xss=1">')).toBeVisible();
  await expect(preview.getByText('<script>window.__xss=2</script>')).toBeVisible();
  await expect(preview.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
});

test('a cover letter streams into the editor, and a failed primary fails over with the trail shown', async ({
  page,
  app,
}) => {
  adminLoginCli(app);
  addOpenAiCompatibleCli(app, { name: 'emu-primary', baseUrl: `${primary.url}/v1`, priority: 10 });
  addOpenAiCompatibleCli(app, { name: 'emu-backup', baseUrl: `${backup.url}/v1`, priority: 20 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');

  // Streaming: chunks arrive 50 ms apart; the editor grows before the answer completes.
  const long = `# Lea Sørensen\n\n${words(12)}`;
  primary.pushReplies(long);
  primary.pushFaults({ chunkDelayMs: 50 });
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  const indicator = page.getByTestId('streaming-indicator');
  await expect(indicator).toBeVisible();
  await expect(editor(page)).toHaveValue(/part 3\./u, { timeout: 20_000 });
  const early = (await editor(page).inputValue()).length;
  await expect(indicator).toBeVisible();
  expect(early).toBeLessThan(long.length);
  await page.screenshot({ path: screenPath(app, 'drafting-documents-streaming-1280-light.png') });
  await expect(editor(page)).toHaveValue(/part 8\./u, { timeout: 20_000 });
  expect((await editor(page).inputValue()).length).toBeGreaterThan(early);
  await expect(indicator).toBeHidden({ timeout: 30_000 });
  await expect(editor(page)).toHaveValue(long);
  await expect(page.getByTestId('answer-summary')).toContainText('emu-primary');

  // Failover: the primary answers 500 three times; the backup answers; the trail says so.
  primary.pushFaults({ status: 500, times: 3 });
  backup.pushReplies('# Lea Sørensen\n\nWritten by the backup provider.');
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(editor(page)).toHaveValue(/Written by the backup provider/u, { timeout: 45_000 });
  const summary = page.getByTestId('answer-summary');
  await expect(summary).toContainText('emu-backup');
  const trail = summary.getByRole('group', { name: 'Failover trail' });
  await expect(trail).toBeVisible();
  await expect(trail.getByRole('listitem').filter({ hasText: 'emu-primary' })).toHaveCount(3);
  await expect(trail.getByRole('listitem').filter({ hasText: 'emu-primary' }).first()).toContainText(
    'unavailable (server error or timeout)',
  );
  await expect(trail.getByRole('listitem').filter({ hasText: 'emu-backup' })).toContainText('answered');
  await page.screenshot({ path: screenPath(app, 'drafting-documents-failover-1280-light.png'), fullPage: true });
});
