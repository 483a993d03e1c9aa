import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import {
  addPostingAndExtract,
  editor,
  example,
  exampleText,
  importCandidate,
  openDraftingPage,
} from './drafting-helpers';

test('with no provider, a CV is drafted offline, validated and exported', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);

  // Candidate: the JSON profile through the file input; the parsed profile shows.
  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await expect(page.getByRole('article', { name: 'Lea Sørensen' }).getByText('lea.sorensen@example.com')).toBeVisible();
  await expect(page.getByText('Senior Backend Engineer — Brightwave Analytics GmbH')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Education' })).toBeVisible();

  // Posting: pasted text, extracted offline by the built-in rules.
  await expect(page.getByRole('button', { name: 'Job postings' })).toBeVisible();
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await expect(page.getByText('Offline — built-in rules')).toBeVisible();
  await expect(page.getByText('offline rules', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(/Senior Backend Engineer/u);

  // Documents: generate a CV; the built-in drafter answers and says so.
  await openDraftingPage(page, 'Documents');
  await expect(page.getByTestId('offline-mode-badge')).toHaveText('Offline — built-in drafter');
  await expect(page.getByText('Drafting still works offline.')).toBeVisible();
  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(editor(page)).toHaveValue(/Lea Sørensen/u, { timeout: 30_000 });
  const summary = page.getByTestId('answer-summary');
  await expect(summary.getByText('Offline', { exact: true })).toBeVisible();
  await expect(summary.getByTestId('answer-note')).toContainText('No AI provider');
  const history = page.getByRole('list', { name: 'Version history' });
  await expect(history).toContainText('v1');

  // Edits autosave.
  await editor(page).press('End');
  await editor(page).pressSequentially('\n\nReferences available on request.');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved \d\d:\d\d:\d\d/u);

  // Validate: a score, and nothing the candidate's source does not back.
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-score')).toHaveText(/Score \d+\/100/u, { timeout: 30_000 });
  await expect(page.getByTestId('no-unsupported-claims')).toBeVisible();

  // Export DOCX downloads a Word file named for the candidate.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as DOCX' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.docx$/u);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  // Save a version, restore v1 (a new version; nothing overwritten).
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(history.getByText('v2')).toBeVisible();
  await page.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(history.getByText('v3')).toBeVisible();
  await expect(editor(page)).not.toHaveValue(/References available on request/u);

  // Regenerate adds a generated version to the same document.
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(history.getByText('v4')).toBeVisible({ timeout: 30_000 });
  await expect(editor(page)).toHaveValue(/Lea Sørensen/u);

  // A cover letter is a separate document, drafted offline too.
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  await expect(page.getByRole('textbox', { name: 'Cover letter text' })).toHaveValue(/Northwind Logistics/u, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('answer-summary').getByText('Offline', { exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Open a saved document' }).click();
  await expect(page.getByRole('option', { name: /^CV — Senior Backend Engineer \(Go\)/u })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('a CV in Markdown imports; an image posting without a vision provider says why it cannot be read', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await importCandidate(page, example('candidate-cv.md'), 'Lea Sørensen');
  await expect(page.getByRole('heading', { name: 'Experience' })).toBeVisible();

  await openDraftingPage(page, 'Job postings');
  await page.getByRole('tab', { name: 'From a file' }).click();
  await page
    .locator('input[type="file"][aria-label="Import a job posting"]')
    .setInputFiles(example('job-frontend.png'));
  await expect(page.getByRole('button', { name: /Image posting \(job-frontend\.png\)/u })).toBeVisible();
  await page.getByRole('button', { name: 'Extract fields' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Extraction failed' });
  await expect(alert).toContainText('needs a vision-capable AI provider');

  // Unsupported files are refused in the browser, before anything is sent.
  await page.locator('input[type="file"][aria-label="Import a job posting"]').setInputFiles({
    name: 'notes.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Posting not added' })).toContainText(
    'this file type is not supported',
  );
});
