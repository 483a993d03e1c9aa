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

let emu: Emulator;
test.beforeAll(async () => {
  emu = await startEmulator({ openMode: true });
});
test.afterAll(async () => {
  await emu.close();
});

test('token counts the provider did not report are marked estimated, as the CLI marks them', async ({ page, app }) => {
  adminLoginCli(app);
  addOpenAiCompatibleCli(app, { name: 'emu', baseUrl: `${emu.url}/v1` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');

  // Reported usage: exact counts, no mark.
  emu.pushReplies({ text: '# Lea Sørensen\n\nGo services.', usage: { input: 1545, output: 300 } });
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(editor(page)).toHaveValue(/Go services\./u, { timeout: 30_000 });
  const summary = page.getByTestId('answer-summary');
  await expect(summary).toContainText('1,545 in / 300 out tokens');
  await expect(summary.getByTestId('estimated-legend')).toHaveCount(0);

  // No usage in the answer: Aditus estimates the counts, and says so.
  emu.pushReplies('# Lea Sørensen\n\nReliable Go services.');
  emu.pushFaults({ omitUsage: true });
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(editor(page)).toHaveValue(/Reliable Go services\./u, { timeout: 30_000 });
  await expect(summary).toContainText(/\d~ in \/ \d+~ out tokens \(~ estimated\)/u);
  await summary.getByTestId('estimated-legend').hover();
  await expect(page.getByRole('tooltip')).toContainText('estimated these token counts from the text');
  await page.screenshot({ path: screenPath(app, 'documents-estimated-tokens.png') });
});
