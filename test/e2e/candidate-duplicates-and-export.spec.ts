import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, screenPath, test } from './fixtures';
import { exampleText, importCandidate, openDraftingPage } from './drafting-helpers';

test('a CV imported again asks: open existing, import as new or replace; "Export all data" downloads a zip', async ({
  page,
  app,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);
  const dir = mkdtempSync(join(tmpdir(), 'aditus-e2e-duplicates-'));
  const lea = join(dir, 'lea.md');
  const leaAgain = join(dir, 'lea-2027.md');
  writeFileSync(lea, exampleText('candidate-cv.md'));
  // The same person in another file: her name in capitals without the ø, her email in other case.
  writeFileSync(
    leaAgain,
    exampleText('candidate-cv.md')
      .replace('# Lea Sørensen', '# LEA SORENSEN')
      .replace('lea.sorensen@example.com', 'Lea.Sorensen@Example.com'),
  );
  await importCandidate(page, lea, 'Lea Sørensen');
  const input = page.locator('input[type="file"][aria-label="Import a candidate"]');
  const list = page.getByRole('navigation', { name: 'Candidates' });
  await expect(list.getByRole('button', { name: /Lea Sørensen/u })).toHaveCount(1);

  // The same file again: the dialog names the stored candidate; "Open existing" imports nothing.
  await input.setInputFiles(lea);
  const dialog = page.getByRole('dialog', { name: 'Candidate already stored' });
  await expect(dialog).toContainText('lea.md is the same file (identical text) and the same person (name and email)');
  await expect(dialog).toContainText('lea.sorensen@example.com · from lea.md · imported');
  await page.screenshot({ path: screenPath(app, 'candidate-duplicate-dialog.png') });
  await dialog.getByRole('button', { name: 'Open existing' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('button', { name: /Lea Sørensen/u })).toHaveCount(1);

  // "Import as new": a second Lea, told apart from the first in the list.
  await input.setInputFiles(lea);
  await dialog.getByRole('button', { name: 'Import as new' }).click();
  const leas = list.getByRole('button', { name: /Lea Sørensen/u });
  await expect(leas).toHaveCount(2);
  expect(await leas.nth(0).innerText()).not.toBe(await leas.nth(1).innerText());

  // The same person from another file: "Replace existing" keeps one entry, with the new record.
  await input.setInputFiles(leaAgain);
  await expect(dialog).toContainText('lea-2027.md is the same person (name and email)');
  await dialog.getByRole('button', { name: 'Replace existing' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'LEA SORENSEN' })).toBeVisible();
  await expect(list.getByRole('button')).toHaveCount(2);
  await expect(list.getByRole('button', { name: /LEA SORENSEN/u })).toContainText('lea-2027.md');

  await page.screenshot({ path: screenPath(app, 'candidate-export-all-data.png') });
  // Export all data: a zip with the JSON Resume and the source file as imported.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('LEA-SORENSEN-data.zip');
  const zip = unzipSync(readFileSync(await download.path()));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(['resume.json', 'manifest.json', 'source/lea-2027.md']));
  const resume = JSON.parse(strFromU8(zip['resume.json']!)) as { basics: { name: string; email: string } };
  expect(resume.basics.name).toBe('LEA SORENSEN');
  expect(strFromU8(zip['source/lea-2027.md']!)).toBe(readFileSync(leaAgain, 'utf8'));
  expect(errors).toEqual([]);
});

test('a posting pasted again asks: open the stored one or add it as new', async ({ page, app }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);
  await openDraftingPage(page, 'Job postings');
  const add = async () => {
    await page.getByLabel('Job posting text').fill(exampleText('job-backend.txt'));
    await page.getByRole('button', { name: 'Add posting' }).click();
  };
  const list = page.getByRole('navigation', { name: 'Job postings' });
  await add();
  await expect(list.getByRole('button')).toHaveCount(1);

  await add();
  const dialog = page.getByRole('dialog', { name: 'Posting already stored' });
  await expect(dialog).toContainText('The pasted text has the same text as a stored posting');
  await dialog.getByRole('button', { name: 'Open existing' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('button')).toHaveCount(1);

  await add();
  await dialog.getByRole('button', { name: 'Add as new' }).click();
  await expect(list.getByRole('button')).toHaveCount(2);
});
