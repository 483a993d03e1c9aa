import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenPath, test } from './fixtures';
import { ipc, openPage, setUpAdminInUi } from './admin-ui';
import { addPostingAndExtract, editor, exampleText, importCandidate, openDraftingPage } from './drafting-helpers';

const CV = [
  '# Mara Lindqvist',
  'mara.lindqvist@example.com · Malmö, Sweden',
  '',
  '## Experience',
  '',
  '### Backend Engineer — Northwind Logistics',
  '2018 – Present',
  '- Built the route planning service in Go',
].join('\n');

test('retention: set a version limit, see what it frees, confirm, and the document keeps fewer versions', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);

  // A CV with four versions: one generated, three saved (seeded through the page's own session).
  const dir = mkdtempSync(join(tmpdir(), 'aditus-e2e-retention-'));
  writeFileSync(join(dir, 'mara.md'), CV);
  await importCandidate(page, join(dir, 'mara.md'), 'Mara Lindqvist');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');
  await page.getByRole('combobox', { name: 'Candidate' }).click();
  await page.getByRole('option', { name: 'Mara Lindqvist' }).click();
  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(editor(page)).toHaveValue(/Mara Lindqvist/u, { timeout: 30_000 });
  const [doc] = await ipc<{ id: string }[]>(app, 'documents:list', {});
  for (const n of [2, 3, 4]) await ipc(app, 'documents:save-version', { id: doc!.id, text: `Mara, draft ${n}` });
  const history = () => page.getByRole('list', { name: 'Version history' });
  await page.reload();
  await openDraftingPage(page, 'Documents');
  await page.getByRole('combobox', { name: 'Candidate' }).click();
  await page.getByRole('option', { name: 'Mara Lindqvist' }).click();
  await expect(history().getByRole('listitem')).toHaveCount(4);

  // Settings → Retention: the default keeps everything; a limit shows what it would free now.
  await openPage(page, 'Settings');
  const card = page.getByRole('region', { name: 'Retention' });
  await expect(card).toContainText('Document versions: kept forever (default).');
  await expect(card.getByRole('button', { name: 'Save retention' })).toBeDisabled();
  await card.getByLabel('Keep only the newest versions of each document').check();
  await card.getByRole('textbox', { name: 'Document versions: newest to keep' }).fill('2');
  const estimate = card.getByTestId('retention-estimate-documentVersionsKeep');
  await expect(estimate).toHaveText(/^Would free now: 2 rows, about [\d.]+ (bytes|KB) \(estimate\)$/u);
  await card.getByLabel('Remove usage events older than').check();
  await expect(card.getByTestId('retention-estimate-usageEventsDays')).toHaveText(
    'Would free now: nothing to remove now',
  );
  await card.screenshot({ path: screenPath(app, 'settings-retention-estimate.png') });

  // Saving asks first, listing what goes; Cancel changes nothing.
  await card.getByRole('button', { name: 'Save retention' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove history now?' });
  await expect(dialog).toContainText(/Document versions: 2 rows, about .* \(estimate\)/u);
  await expect(dialog).not.toContainText('Usage events');
  await page.screenshot({ path: screenPath(app, 'settings-retention-confirm.png'), animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(
    (await ipc<{ settings: { documentVersionsKeep: number | null } }>(app, 'retention:status', {})).settings,
  ).toMatchObject({ documentVersionsKeep: null });

  await card.getByRole('button', { name: 'Save retention' }).click();
  await dialog.getByRole('button', { name: 'Remove and save' }).click();
  await expect(
    page.getByText('Removed 0 usage events, 2 document versions and 0 audit entries.').first(),
  ).toBeVisible();
  await expect(card).toContainText(/Last purge .*: Removed 0 usage events, 2 document versions and 0 audit entries\./u);
  await expect(estimate).toHaveText('Would free now: nothing to remove now');
  await card.screenshot({ path: screenPath(app, 'settings-retention-saved.png') });

  // The document now has its two newest versions, the latest first.
  await openDraftingPage(page, 'Documents');
  await page.getByRole('combobox', { name: 'Candidate' }).click();
  await page.getByRole('option', { name: 'Mara Lindqvist' }).click();
  await expect(history().getByRole('listitem')).toHaveCount(2);
  await expect(editor(page)).toHaveValue('Mara, draft 4');

  // After a reload the card shows the saved settings.
  await page.reload();
  await openPage(page, 'Settings');
  await expect(card.getByLabel('Keep only the newest versions of each document')).toBeChecked();
  await expect(card.getByRole('textbox', { name: 'Document versions: newest to keep' })).toHaveValue('2 versions');
  expect(errors).toEqual([]);
});
