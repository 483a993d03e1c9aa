import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BatchEstimate } from '@contract';
import { formatUsd } from '../../src-preload/shared/display-format';
import { startEmulator, type Emulator } from '../emulator';
import { addPostingAndExtract, adminLoginCli, cli, example, exampleText, ROOT } from './drafting-helpers';
import { openPage } from './admin-ui';
import { expect, screenPath, test, type AppUnderTest } from './fixtures';

const CANDIDATE_FILES = [
  example('candidate.json'),
  join(ROOT, 'test/fixtures/drafting/candidates/md-german.md'),
  join(ROOT, 'test/fixtures/drafting/candidates/md-ceo-headings.md'),
];

let emu: Emulator;
test.beforeAll(async () => {
  emu = await startEmulator({ openMode: true });
});
test.afterAll(async () => {
  await emu.close();
});

const lastJson = <T>(out: string): T => JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as T;

/** Three stored candidates (through the CLI), their ids and names. */
function importCandidates(app: AppUnderTest): { id: string; name: string }[] {
  return CANDIDATE_FILES.map((file) =>
    lastJson<{ id: string; name: string }>(cli(app, ['candidates', 'import', file, '--json'])),
  );
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('batch drafting: pick candidates × a posting, confirm the estimate, follow the run, cancel another', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  adminLoginCli(app);
  cli(app, [
    'providers',
    'add',
    '--name',
    'emu',
    '--kind',
    'openai-compatible',
    '--model',
    'gpt-4o-mini',
    '--base-url',
    `${emu.url}/v1`,
    '--tasks',
    'cover_letter',
    '--region',
    'local',
  ]);
  const candidates = importCandidates(app);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openPage(page, 'Batch drafting');
  await expect(page.getByRole('heading', { level: 2, name: 'Batch drafting' })).toBeVisible();

  await page.getByText('Cover letter', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Cover letter' })).toBeChecked();
  for (const c of candidates) await pick(page, 'Candidates', c.name);
  await page.keyboard.press('Escape');
  await pick(page, 'Job posting', 'Senior Backend Engineer (Go) — Northwind Logistics');
  await page.getByRole('button', { name: 'Estimate' }).click();

  // The confirm step: per item and in total, marked as an estimate; the same figures the CLI prints.
  const estimate = page.getByTestId('batch-estimate');
  await expect(estimate.getByText('Estimate', { exact: true })).toBeVisible();
  await expect(estimate.getByTestId('batch-estimate-item')).toHaveCount(3);
  const jobId = lastJson<{ id: string }[]>(cli(app, ['jobs', 'list', '--json']))[0]!.id;
  const fromCli = lastJson<{ estimate: BatchEstimate }>(
    cli(app, [
      'draft',
      'batch',
      '--kind',
      'cover-letter',
      '--candidate-id',
      ...candidates.map((c) => c.id),
      '--job-id',
      jobId,
      '--estimate-only',
      '--json',
    ]),
  ).estimate;
  await expect(estimate.getByTestId('batch-estimate-total')).toContainText(`~${formatUsd(fromCli.total.costUsd)}`);
  await expect(estimate.getByTestId('batch-estimate-item').first()).toContainText('emu');
  await page.screenshot({ path: screenPath(app, 'batch-estimate.png'), fullPage: true });

  // Run: a progress bar and each item's status, then its result.
  emu.pushFaults({ latencyMs: 700, times: 3 });
  await page.getByRole('button', { name: 'Start 3 drafts' }).click();
  await expect(page.getByRole('button', { name: 'Cancel batch' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Batch progress' })).toBeVisible();
  await expect(page.locator('[data-testid="batch-item"][data-status="running"]').first()).toBeVisible();
  await expect(page.getByTestId('batch-counts')).toHaveText(
    '3 of 3 finished: 3 done, 0 failed, 0 queued, 0 cancelled',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('batch-item').first()).toContainText(/Version 1 saved \(emu, \$/u);
  await expect(page.getByRole('button', { name: 'New batch' })).toBeVisible();
  await page.screenshot({ path: screenPath(app, 'batch-done.png'), fullPage: true });
  // A done item opens its document, drafted by the provider.
  await page.getByTestId('batch-item').first().getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Documents' })).toBeVisible();
  await expect(page.getByTestId('draft-editor')).not.toHaveValue('', { timeout: 15_000 });
  await openPage(page, 'Batch drafting');
  await expect(page.getByRole('button', { name: 'Estimate' })).toBeVisible();

  // Another run, one at a time, cancelled while its first draft waits for the provider.
  await page.getByText('Cover letter', { exact: true }).click();
  for (const c of candidates) await pick(page, 'Candidates', c.name);
  await page.keyboard.press('Escape');
  await pick(page, 'Job posting', 'Senior Backend Engineer (Go) — Northwind Logistics');
  await page.getByLabel('Drafts at a time').fill('1');
  await page.getByRole('button', { name: 'Estimate' }).click();
  emu.pushFaults({ latencyMs: 5_000, times: 3 });
  await page.getByRole('button', { name: 'Start 3 drafts' }).click();
  await expect(page.locator('[data-testid="batch-item"][data-status="running"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Cancel batch' }).click();
  await expect(page.getByTestId('batch-counts')).toHaveText(
    '3 of 3 finished: 0 done, 0 failed, 0 queued, 3 cancelled',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('batch-item').nth(0)).toContainText('Stopped before any text arrived');
  await expect(page.getByTestId('batch-item').nth(2)).toContainText('Cancelled before it started');
  await expect(page.getByRole('button', { name: 'New batch' })).toBeVisible();
  await page.screenshot({ path: screenPath(app, 'batch-cancelled.png'), fullPage: true });
});
