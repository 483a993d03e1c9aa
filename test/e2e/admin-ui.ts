import type { Page } from '@playwright/test';
import { generateSync } from 'otplib';
import type { Emulator } from '../emulator';
import { expect, type AppUnderTest } from './fixtures';

export const ADMIN_PASSWORD = 'Correct-Horse-42-battery';

export interface AdminCredentials {
  secret: string;
  recoveryCodes: string[];
}

export function totpNow(secret: string): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });
}

export function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

export async function openPage(page: Page, label: string): Promise<void> {
  await nav(page).getByRole('button', { name: label, exact: true }).click();
}

/**
 * The setup's first step, on the shown setup form: the password twice, then "Create admin account".
 * Returns the TOTP secret the authenticator step shows for manual entry.
 */
export async function createAdminAccount(page: Page): Promise<string> {
  await page.getByLabel('New admin password').fill(ADMIN_PASSWORD);
  await page.getByLabel('Repeat the new password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  const secretField = page.getByLabel('Secret key for manual entry');
  await expect(secretField).toBeVisible({ timeout: 15_000 });
  return (await secretField.inputValue()).replace(/\s+/gu, '');
}

/** Steps 2 and 3 of the setup: past the authenticator step, reads and confirms the recovery codes. */
export async function saveRecoveryCodesInUi(page: Page): Promise<string[]> {
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  await page.getByRole('button', { name: 'I added it to my authenticator' }).click();
  const codes = page.getByRole('group', { name: 'Recovery codes' });
  await expect(codes).toBeVisible();
  const recoveryCodes = (await codes.innerText())
    .split(/\s+/u)
    .filter((c) => /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/u.test(c));
  expect(recoveryCodes).toHaveLength(10);
  const next = page.getByRole('button', { name: 'Continue' });
  await expect(next).toBeDisabled();
  await page.getByLabel('I saved my recovery codes somewhere safe').check();
  await next.click();
  return recoveryCodes;
}

/** Step 4: the first code from the new authenticator creates the account and unlocks it. */
export async function confirmFirstCodeInUi(page: Page, secret: string): Promise<void> {
  await page.getByLabel('Authenticator code').fill(totpNow(secret));
  await page.getByRole('button', { name: 'Finish and unlock' }).click();
  await expect(page.getByTestId('role-badge')).toContainText(/Admin · \d+:\d\d left/u, { timeout: 15_000 });
}

/**
 * The first-run setup as a user does it: choose a password, read the secret shown for manual entry,
 * save the recovery codes, and unlock with a code computed from that secret.
 */
export async function setUpAdminInUi(page: Page): Promise<AdminCredentials> {
  await openPage(page, 'Providers');
  await expect(page.getByRole('heading', { name: 'Set up the admin account' })).toBeVisible();
  const secret = await createAdminAccount(page);
  const recoveryCodes = await saveRecoveryCodesInUi(page);
  await confirmFirstCodeInUi(page, secret);
  return { secret, recoveryCodes };
}

/** Unlock through the header's dialog with a recovery code (a TOTP code cannot be reused within its step). */
export async function unlockWithRecoveryCode(page: Page, code: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Unlock admin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unlock admin' });
  await tryUnlock(page, ADMIN_PASSWORD, code);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('role-badge')).toContainText('Admin');
}

/** Fills and submits the open unlock dialog. */
export async function tryUnlock(page: Page, password: string, code: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Unlock admin' });
  // The previous attempt clears the code field when it ends: wait for it before typing.
  await expect(dialog.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 20_000 });
  await dialog.getByLabel('Admin password').fill(password);
  await dialog.getByLabel('Authenticator code or recovery code').fill(code);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
}

export interface ProviderFields {
  name: string;
  kind: 'OpenAI' | 'OpenAI-compatible' | 'Google Gemini' | 'Anthropic Claude';
  model: string;
  baseUrl: string;
  apiKey?: string;
}

/** Fills and saves the "Add provider" form. */
export async function addProviderInUi(page: Page, p: ProviderFields): Promise<void> {
  await page.getByRole('main').getByRole('button', { name: 'Add provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a provider' });
  await dialog.getByLabel('Name').fill(p.name);
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: p.kind, exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Model' }).fill(p.model);
  await dialog.getByLabel('Base URL').fill(p.baseUrl);
  if (p.apiKey) await dialog.getByLabel('API key').fill(p.apiKey);
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Providers' }).getByText(p.name, { exact: true })).toBeVisible();
}

/**
 * A contract call in the page's session (over the web host's HTTP bridge with its token, or the desktop app's
 * preload bridge): once the UI is unlocked these calls are admin calls too (used to seed data quickly).
 */
export async function ipc<T = unknown>(app: AppUnderTest, channel: string, input: unknown): Promise<T> {
  const result = await app.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data as T;
}

/** Runs a diagnostic call through the router; resolves to null on success or the error message. */
export async function ask(
  app: AppUnderTest,
  input: { task: string; prompt: string; provider?: string },
): Promise<string | null> {
  return ipc(app, 'ask:run', input).then(
    () => null,
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
}

/**
 * Two providers on an emulator (one priced model, one unpriced local model) and seven calls: successes on
 * both, one without usage figures (estimated), one rejected by the server (an error). The priced one has a
 * 1,000-token daily limit and ends the day at 81% of it.
 */
export async function seedUsage(app: AppUnderTest, emu: Emulator): Promise<void> {
  const base = { kind: 'openai-compatible', baseUrl: `${emu.url}/v1`, maxOutputTokens: 100 };
  await ipc(app, 'providers:create', {
    config: {
      ...base,
      name: 'Emulated GPT',
      model: 'gpt-4o-mini',
      tasks: ['extraction', 'validation'],
      isDefault: true,
      dailyTokenLimit: 1000,
    },
  });
  await ipc(app, 'providers:create', {
    config: { ...base, name: 'Local llama', model: 'llama3.1:8b', tasks: ['cv_draft', 'cover_letter'], priority: 50 },
  });
  const prompt = 'Extract the skills: senior TypeScript engineer, React, SQLite.';
  for (let i = 0; i < 3; i++) {
    emu.pushReplies({ text: `Skills ${i}: TypeScript, React, SQLite`, usage: { input: 100, output: 170 } });
    expect(await ask(app, { task: 'extraction', prompt })).toBeNull();
  }
  for (let i = 0; i < 2; i++)
    expect(await ask(app, { task: 'cv_draft', prompt: `Draft a CV summary ${i}` })).toBeNull();
  emu.pushFaults({ omitUsage: true });
  expect(await ask(app, { task: 'cover_letter', prompt: 'Draft a short cover letter.' })).toBeNull();
  emu.pushFaults({ status: 400 });
  expect(await ask(app, { task: 'validation', prompt: 'Validate this CV.' })).not.toBeNull();
}
