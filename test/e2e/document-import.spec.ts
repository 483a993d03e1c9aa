import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenPath, test } from './fixtures';
import {
  addPostingAndExtract,
  editor,
  example,
  exampleText,
  importCandidate,
  openDraftingPage,
} from './drafting-helpers';

test('a CV written elsewhere is imported as a document: version 1 "Imported", validated against the source', async ({
  page,
  app,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);
  await importCandidate(page, example('candidate-cv.md'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');

  // The agency's version of her CV, with an employer her source does not have.
  const dir = mkdtempSync(join(tmpdir(), 'aditus-e2e-import-draft-'));
  const file = join(dir, 'Lea agency CV.md');
  const text = `${exampleText('candidate-cv.md')}\n- Principal Engineer at Globex Corporation (2009 – 2012)\n`;
  writeFileSync(file, text);

  await openDraftingPage(page, 'Documents');
  await page.locator('input[type="file"][aria-label="Draft file to import"]').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import a draft' });
  await expect(dialog).toContainText('Lea agency CV.md becomes version 1 of a new document of Lea Sørensen');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Lea agency CV');
  await page.screenshot({ path: screenPath(app, 'document-import-dialog.png') });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();

  await expect(editor(page)).toHaveValue(text);
  const history = page.getByRole('list', { name: 'Version history' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem').first()).toContainText('Imported from a file');

  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-score')).toHaveText(/Score \d+\/100/u, { timeout: 30_000 });
  await expect(page.locator('li[data-kind="unsupported_claim"]').filter({ hasText: 'Globex' }).first()).toBeVisible();
  await page.screenshot({ path: screenPath(app, 'document-import-validated.png'), fullPage: true });

  // A file that is not a draft is refused in the dialog, and nothing is stored.
  const binary = join(dir, 'program.md');
  writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0]));
  await page.locator('input[type="file"][aria-label="Draft file to import"]').setInputFiles(binary);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('program.md');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('combobox', { name: 'Open a saved document' }).click();
  await expect(page.getByRole('option')).toHaveCount(1);
  expect(errors).toEqual([]);
});
