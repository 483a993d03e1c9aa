import { startEmulator, type Emulator } from '../emulator';
import {
  addOpenAiCompatibleCli,
  addPostingAndExtract,
  adminLoginCli,
  cli,
  editor,
  example,
  exampleText,
  importCandidate,
  openDraftingPage,
} from './drafting-helpers';
import { expect, screenPath, test } from './fixtures';

test('picking saved documents always opens the one picked, also the one already open', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');
  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(editor(page)).toHaveValue(/Lea Sørensen/u, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(page.getByRole('textbox', { name: 'Cover letter text' })).toHaveValue(/Northwind/u, { timeout: 30_000 });

  const picker = page.getByRole('combobox', { name: 'Open a saved document' });
  const pick = async (name: RegExp) => {
    await picker.click();
    await page.getByRole('option', { name }).click();
  };
  await pick(/^CV — /u);
  await expect(page.getByRole('textbox', { name: 'CV text' })).toBeVisible();
  await pick(/^CV — /u);
  await expect(page.getByText('No document open')).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'CV text' })).toBeVisible();
  await pick(/^Cover letter — /u);
  await pick(/^CV — /u);
  await pick(/^Cover letter — /u);
  await expect(page.getByRole('textbox', { name: 'Cover letter text' })).toBeVisible();
  await expect(picker).toHaveValue(/^Cover letter — /u);
});

test('a late answer about the document left behind does not replace the one picked since', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');
  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(editor(page)).toHaveValue(/Lea Sørensen/u, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  const letter = page.getByRole('textbox', { name: 'Cover letter text' });
  await expect(letter).toHaveValue(/Northwind/u, { timeout: 30_000 });

  // Saving the cover letter's version is held back until the CV has been picked and has opened.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/ipc/documents%3Asave-version', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await letter.press('End');
  await letter.pressSequentially(' P.S. Available from May.');
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByRole('combobox', { name: 'Open a saved document' }).click();
  await page.getByRole('option', { name: /^CV — /u }).click();
  await expect(page.getByRole('textbox', { name: 'CV text' })).toBeVisible();
  release();
  await expect(page.getByText('Version saved').first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'CV text' })).toBeVisible();
  await expect(page.getByText('Opening the document…')).toBeHidden();
  await expect(page.getByText('No document open')).toBeHidden();
});

test.describe('with a slow streaming provider', () => {
  let emulator: Emulator;
  test.beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
  });
  test.afterAll(async () => {
    await emulator.close();
  });

  const long = `# Lea Sørensen\n\n${Array.from({ length: 40 }, (_, i) => `Built reliable Go services, part ${i + 1}.`).join(' ')}`;

  test('Stop aborts the provider request, keeps the text so far marked incomplete, and returns to idle', async ({
    page,
    app,
  }) => {
    // The CLI set-up (admin account, login, provider) takes a good part of a minute on a busy machine.
    test.setTimeout(120_000);
    adminLoginCli(app);
    addOpenAiCompatibleCli(app, { name: 'emu', baseUrl: `${emulator.url}/v1` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url);
    await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
    await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
    await openDraftingPage(page, 'Documents');
    await expect(page.getByText('AI: emu')).toBeVisible();

    emulator.pushReplies(long);
    emulator.pushFaults({ chunkDelayMs: 100 });
    await page.getByRole('button', { name: 'Generate cover letter' }).click();
    await expect(editor(page)).toHaveValue(/part 2\./u, { timeout: 20_000 });
    await page.screenshot({ path: screenPath(app, 'drafting-documents-stop-streaming-1280-light.png') });
    await page.getByRole('button', { name: 'Stop', exact: true }).click();

    // Idle again: no indicator, no Stop, the editor editable, Generate available.
    await expect(page.getByTestId('streaming-indicator')).toBeHidden({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Generate cover letter' })).toBeEnabled();
    await expect(editor(page)).toBeEditable();

    // What streamed is kept, as a version marked incomplete.
    const kept = await editor(page).inputValue();
    expect(kept).toMatch(/part 2\./u);
    expect(kept.length).toBeLessThan(long.length);
    expect(long.startsWith(kept)).toBe(true);
    await expect(page.getByTestId('stopped-draft-notice')).toContainText('Incomplete draft');
    const history = page.getByRole('list', { name: 'Version history' });
    await expect(history.getByRole('listitem').first()).toContainText('Stopped — incomplete');
    await expect(page.getByTestId('answer-summary')).toBeHidden();
    await page.screenshot({ path: screenPath(app, 'drafting-documents-stopped-1280-light.png'), fullPage: true });

    // The provider saw the request cancelled before its answer ended; the attempt is in the ledger as aborted.
    const chats = () => emulator.requests().filter((r) => r.path.endsWith('/chat/completions'));
    await expect.poll(() => chats().at(-1)?.clientAborted).toBe(true);
    await expect
      .poll(() => {
        const events = JSON.parse(cli(app, ['usage', 'events', '--json'])) as { task: string; errorClass: string }[];
        return events.filter((e) => e.task === 'cover_letter').map((e) => e.errorClass);
      })
      .toEqual(['aborted']);

    // It survives a reload: the document still says it is incomplete.
    await page.reload();
    await openDraftingPage(page, 'Documents');
    await expect(page.getByTestId('stopped-draft-notice')).toBeVisible();
    await expect(editor(page)).toHaveValue(kept);
  });
});
