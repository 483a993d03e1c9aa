import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenPath, test } from './fixtures';
import { ipc, openPage, setUpAdminInUi } from './admin-ui';
import { importCandidate, openDraftingPage } from './drafting-helpers';

const cv = (name: string, email: string) =>
  [`# ${name}`, `${email} · Leeds`, '', '## Experience', '', '### Engineer — Marlowe Freight', '2019 – Present'].join(
    '\n',
  );

async function pickBackup(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  await (await chooser).setFiles(file);
}

test('back up from Settings, delete a candidate, restore the backup: the candidate is back', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  const dir = mkdtempSync(join(tmpdir(), 'aditus-e2e-backup-'));
  writeFileSync(join(dir, 'ana.md'), cv('Ana Pérez', 'ana.perez@example.com'));
  writeFileSync(join(dir, 'bo.md'), cv('Bo Lindqvist', 'bo@example.com'));
  await importCandidate(page, join(dir, 'ana.md'), 'Ana Pérez');
  await importCandidate(page, join(dir, 'bo.md'), 'Bo Lindqvist');

  // Back up: a download of the whole database.
  await openPage(page, 'Settings');
  const card = page.getByRole('region', { name: 'Backup and restore' });
  await expect(card).toContainText('not in a backup');
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Back up now' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aditus-backup-.*\.db$/u);
  const backupFile = join(dir, download.suggestedFilename());
  await download.saveAs(backupFile);

  // Change something: delete Ana.
  await openDraftingPage(page, 'Candidates');
  const list = page.getByRole('navigation', { name: 'Candidates' });
  await list.getByRole('button', { name: /Ana Pérez/u }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete candidate' }).getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('button', { name: /Ana Pérez/u })).toHaveCount(0);

  // A file that is not a backup is refused before anything changes.
  await openPage(page, 'Settings');
  const junk = join(dir, 'junk.db');
  writeFileSync(junk, randomBytes(8192));
  await pickBackup(page, junk);
  await expect(card.getByRole('alert')).toContainText('junk.db is not an Aditus backup: it is not a SQLite database.');
  await expect(page.getByRole('dialog', { name: 'Restore this backup?' })).toHaveCount(0);

  // Restore: verified, counts shown, confirmed.
  await pickBackup(page, backupFile);
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Integrity check passed');
  const counts = dialog.getByRole('table', { name: 'What the backup holds' });
  await expect(counts.getByRole('row', { name: /Candidates/u })).toContainText('2');
  await expect(dialog).toContainText('providers export');
  await page.screenshot({ path: screenPath(app, 'backup-restore-confirm.png') });
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(card.getByRole('alert')).toContainText('Backup restored');
  await expect(card.getByRole('alert')).toContainText('aditus.db.replaced-');
  await page.screenshot({ path: screenPath(app, 'backup-restored.png') });

  // Ana is back, and the app keeps working on the restored database.
  await openDraftingPage(page, 'Candidates');
  await expect(list.getByRole('button', { name: /Ana Pérez/u })).toBeVisible();
  await expect(list.getByRole('button', { name: /Bo Lindqvist/u })).toBeVisible();
  const audit = await ipc<{ action: string }[]>(app, 'audit:list', { limit: 50 });
  expect(audit.map((r) => r.action)).toContain('backup.restored');
});
