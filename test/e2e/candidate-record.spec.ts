import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { addPostingAndExtract, editor, exampleText, importCandidate, openDraftingPage } from './drafting-helpers';

// A CV whose first bullet sits under no entry, as CVs written outside Aditus often do.
const CV = [
  '# Tomás Ruiz',
  'tomas.ruiz@example.com · Valencia, Spain',
  '',
  '## Experience',
  '',
  '- Speaker at PyCon Spain 2022',
  '',
  '### Backend Engineer — Naranja Pay',
  '2020 – Present',
  '- Built the payouts API in Python',
  '- Wrote the on-call handbook',
  '',
  '### Developer — Huerta Labs',
  '2016 – 2020',
  '- Maintained the Django shop for 200 farms',
].join('\n');

test('the parsed record shows provenance and unassigned lines, and the recruiter corrects it before drafting', async ({
  page,
  app,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);
  const file = join(mkdtempSync(join(tmpdir(), 'aditus-e2e-cv-')), 'tomas-ruiz.md');
  writeFileSync(file, CV);
  await importCandidate(page, file, 'Tomás Ruiz');

  // Entries with their bullets and the line each was read from; the loose bullet is shown as unassigned.
  const payouts = page.getByTestId('record-bullet').filter({ hasText: 'Built the payouts API in Python' });
  await expect(payouts).toContainText('tomas-ruiz.md, line 10');
  const unassigned = page.getByTestId('unassigned-lines');
  await expect(unassigned).toContainText('1 line(s) not under any entry');
  await expect(unassigned).toContainText('Speaker at PyCon Spain 2022');
  await expect(unassigned).toContainText('line 6');
  await page.screenshot({ path: test.info().outputPath('record.png'), fullPage: true });

  // Correct: move the loose line to an entry, move a bullet between entries, fix a title, delete a bullet.
  await page.getByRole('button', { name: 'Correct record' }).click();
  await page.getByRole('combobox', { name: 'Move unassigned line 1 to' }).click();
  await page.getByRole('option', { name: 'Experience: Developer — Huerta Labs' }).click();
  await page.getByRole('combobox', { name: 'Move bullet 2 of Backend Engineer — Naranja Pay to' }).click();
  await page.getByRole('option', { name: 'Experience: Developer — Huerta Labs' }).click();
  const naranja = page.getByRole('region', { name: 'Backend Engineer — Naranja Pay' });
  await naranja.getByRole('textbox', { name: 'Title' }).fill('Senior Backend Engineer');
  await page.getByRole('button', { name: 'Delete bullet 1 of Developer — Huerta Labs' }).click();
  await page.screenshot({ path: test.info().outputPath('record-editing.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save record' }).click();
  await expect(page.getByText('Record saved')).toBeVisible();

  // Stored: after a reload the corrected record is what shows, provenance kept with the moved lines.
  await page.reload();
  await openDraftingPage(page, 'Candidates');
  await expect(page.getByTestId('unassigned-lines')).toHaveCount(0);
  const huerta = page.getByRole('region', { name: 'Developer — Huerta Labs' });
  await expect(huerta.getByTestId('record-bullet')).toHaveCount(2);
  await expect(huerta.getByTestId('record-bullet').nth(0)).toContainText('Speaker at PyCon Spain 2022');
  await expect(huerta.getByTestId('record-bullet').nth(0)).toContainText('line 6');
  await expect(huerta.getByTestId('record-bullet').nth(1)).toContainText('Wrote the on-call handbook');
  await expect(huerta.getByTestId('record-bullet').nth(1)).toContainText('line 11');
  await expect(page.getByText('Senior Backend Engineer — Naranja Pay')).toBeVisible();

  // Export: the corrected record as a JSON Resume file.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON Resume' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Tomas-Ruiz.resume.json');
  const resume = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    work: { name: string; position: string; highlights?: string[] }[];
    meta: Record<string, Record<string, { line: number }>>;
  };
  expect(resume.work).toEqual([
    expect.objectContaining({
      name: 'Naranja Pay',
      position: 'Senior Backend Engineer',
      highlights: ['Built the payouts API in Python'],
    }),
    expect.objectContaining({
      name: 'Huerta Labs',
      highlights: ['Speaker at PyCon Spain 2022', 'Wrote the on-call handbook'],
    }),
  ]);
  expect(resume.meta['x-aditus-provenance']?.['/work/1/highlights/0']?.line).toBe(6);

  // Drafting uses the corrected record: the bullet stays with the entry it was moved to.
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');
  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(editor(page)).toHaveValue(/Senior Backend Engineer/u, { timeout: 30_000 });
  const draft = await editor(page).inputValue();
  expect(draft).not.toMatch(/Deleted|Maintained the Django shop/u);
  expect(errors).toEqual([]);
});

test('a two-column PDF and a DOCX CV show each bullet under its own entry, with page or paragraph', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);
  const fixtures = join(__dirname, '..', 'fixtures', 'drafting', 'candidates');
  await importCandidate(page, join(fixtures, 'pdf-two-column.pdf'), 'Sofia Lindqvist');
  const klarhet = page.getByRole('region', { name: 'Product Designer — Klarhet AB' });
  await expect(klarhet.getByTestId('record-bullet')).toHaveCount(2);
  await expect(klarhet.getByTestId('record-bullet').first()).toContainText('raising completion from 61% to 78%');
  await expect(klarhet.getByTestId('record-bullet').first()).toContainText(/pdf-two-column\.pdf, page 1, lines? \d+/u);
  await expect(page.getByRole('region', { name: 'Organiser — Design Friday Stockholm' })).toBeVisible();
  await expect(page.getByTestId('unassigned-lines')).toHaveCount(0);

  await importCandidate(page, join(fixtures, 'docx-table-greek.docx'), 'Νίκος Παπαδόπουλος');
  const aegean = page.getByRole('region', { name: 'Site Reliability Engineer — Aegean Cloud SA' });
  await expect(aegean.getByTestId('record-bullet')).toHaveCount(2);
  await expect(aegean.getByTestId('record-bullet').first()).toContainText(
    /docx-table-greek\.docx, paragraph \d+, line \d+/u,
  );
});
