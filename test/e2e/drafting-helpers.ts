import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { openPage } from './admin-ui';
import { expect, type AppUnderTest } from './fixtures';

export const ROOT = join(__dirname, '../..');
export const EXAMPLES = join(ROOT, 'examples');
export const example = (name: string) => join(EXAMPLES, name);
export const exampleText = (name: string) => readFileSync(example(name), 'utf8');

const CLI_PASSWORD = 'Drafting-Tests-42-lantern';

export async function openDraftingPage(page: Page, label: 'Candidates' | 'Job postings' | 'Documents') {
  await openPage(page, label);
  await expect(
    page.getByRole('heading', { level: 2, name: label === 'Job postings' ? 'Job postings' : label }),
  ).toBeVisible();
}

/** Imports a candidate through the page's file input (as a user picking a file). */
export async function importCandidate(page: Page, file: string, name: string) {
  await openDraftingPage(page, 'Candidates');
  await page.locator('input[type="file"][aria-label="Import a candidate"]').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
}

/** Pastes a posting's text and extracts its fields; resolves once the company field shows `company`. */
export async function addPostingAndExtract(page: Page, text: string, company: string) {
  await openDraftingPage(page, 'Job postings');
  await page.getByLabel('Job posting text').fill(text);
  await page.getByRole('button', { name: 'Add posting' }).click();
  await page.getByRole('button', { name: 'Extract fields' }).click();
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue(company, { timeout: 30_000 });
}

export function editor(page: Page) {
  return page.getByTestId('draft-editor');
}

/** Runs the real CLI on the app's data folder. */
export function cli(app: AppUnderTest, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(app.cli.command, [join(ROOT, 'bin/aditus.cjs'), '--data-dir', app.dataDir, ...args], {
    env: { ...app.cli.env, ...env },
    encoding: 'utf8',
  });
}

/** Creates the admin account and unlocks it for the CLI (adding providers needs an admin). */
export function adminLoginCli(app: AppUnderTest): void {
  const out = cli(app, ['admin', 'init', '--json'], { ADITUS_ADMIN_PASSWORD: CLI_PASSWORD });
  const { secret } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { secret: string };
  const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });
  cli(app, ['admin', 'login', '--json'], { ADITUS_ADMIN_PASSWORD: CLI_PASSWORD, ADITUS_ADMIN_TOTP: code });
}

export function addOpenAiCompatibleCli(
  app: AppUnderTest,
  p: { name: string; baseUrl: string; priority?: number; tasks?: string },
): void {
  cli(app, [
    'providers',
    'add',
    '--name',
    p.name,
    '--kind',
    'openai-compatible',
    '--model',
    'm',
    '--base-url',
    p.baseUrl,
    '--tasks',
    p.tasks ?? 'cv_draft,cover_letter',
    '--priority',
    String(p.priority ?? 100),
  ]);
}
