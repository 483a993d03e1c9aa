import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { addPostingAndExtract, editor, exampleText, importCandidate, openDraftingPage } from './drafting-helpers';

const cv = (name: string, email: string) =>
  [
    `# ${name}`,
    `${email} · Leeds, United Kingdom`,
    '',
    '## Experience',
    '',
    '### Backend Engineer — Marlowe Freight',
    '2019 – Present',
    '- Built the parcel tracking services in Go and PostgreSQL',
  ].join('\n');

const ERASED_EMAIL = 'zephyrine.q@erasure-fixture.example';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('delete asks with what goes along; erase asks for a typed word and leaves no byte of the person', async ({
  page,
  app,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);
  const dir = mkdtempSync(join(tmpdir(), 'aditus-e2e-erase-'));
  writeFileSync(join(dir, 'ana.md'), cv('Ana Pérez', 'ana.perez@example.com'));
  writeFileSync(join(dir, 'zq.md'), cv('Zephyrine Quillfeather', ERASED_EMAIL));
  await importCandidate(page, join(dir, 'ana.md'), 'Ana Pérez');
  await importCandidate(page, join(dir, 'zq.md'), 'Zephyrine Quillfeather');

  // A CV drafted for Zephyrine: a document with a version goes with her.
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');
  await page.getByRole('combobox', { name: 'Candidate' }).click();
  await page.getByRole('option', { name: 'Zephyrine Quillfeather' }).click();
  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(editor(page)).toHaveValue(/Zephyrine Quillfeather/u, { timeout: 30_000 });

  // The list filters, and shows the email and source file to tell entries apart.
  await openDraftingPage(page, 'Candidates');
  const list = page.getByRole('navigation', { name: 'Candidates' });
  await expect(list).toContainText('ana.perez@example.com · ana.md');
  await list.getByRole('searchbox', { name: 'Search candidates' }).fill('pérez');
  await expect(list.getByRole('button')).toHaveCount(1);
  await list.getByRole('button', { name: /Ana Pérez/u }).click();

  // Delete: the dialog says what goes; Cancel keeps her, Delete removes her.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete candidate' });
  await expect(dialog).toContainText('Delete Ana Pérez? No document was drafted for this candidate.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.getByRole('button', { name: /Ana Pérez/u })).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete candidate' }).getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('button', { name: /Ana Pérez/u })).toHaveCount(0);
  await list.getByRole('searchbox', { name: 'Search candidates' }).fill('');

  // Erase: the stronger confirmation, then nothing of her left in the data folder while the app runs.
  await list.getByRole('button', { name: /Zephyrine Quillfeather/u }).click();
  await page.getByRole('button', { name: 'Erase…' }).click();
  const erase = page.getByRole('dialog', { name: 'Erase candidate (right to erasure)' });
  await expect(erase).toContainText('1 document (1 version) goes too.');
  const confirm = erase.getByRole('button', { name: 'Erase for good' });
  await expect(confirm).toBeDisabled();
  await erase.getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('ERASE');
  await page.screenshot({ path: test.info().outputPath('erase-dialog.png') });
  await confirm.click();
  await expect(list).toContainText('No candidates yet.');
  await page.reload();
  await openDraftingPage(page, 'Documents');
  await expect(page.getByRole('combobox', { name: 'Open a saved document' })).toBeDisabled();

  const holding = filesUnder(app.dataDir).filter(
    (f) => !f.startsWith(dir) && readFileSync(f).includes(Buffer.from('erasure-fixture')),
  );
  expect(holding).toEqual([]);
  expect(errors).toEqual([]);
});
