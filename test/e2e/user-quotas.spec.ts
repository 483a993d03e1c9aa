import { extractJobFieldsOffline } from '../../src-main/drafting/builtin/extract-job-fields';
import { startEmulator, type Emulator } from '../emulator';
import { ipc, openPage, setUpAdminInUi } from './admin-ui';
import { addPostingAndExtract, cli, exampleText } from './drafting-helpers';
import { expect, screenPath, test } from './fixtures';

let emulator: Emulator;

test.beforeAll(async () => {
  emulator = await startEmulator({ openMode: true });
});

test.afterAll(async () => {
  await emulator.close();
});

interface QuotaUse {
  user: string;
  dayTokens: { used: number; limit: number | null; percent: number | null };
  monthTokens: { used: number; limit: number | null; percent: number | null };
}

test('admin adds a user with a quota, the recruiter chooses that profile, extracts, and Usage shows use against the quota', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await ipc(app, 'providers:create', {
    config: {
      name: 'Emulated GPT',
      kind: 'openai-compatible',
      model: 'gpt-4o-mini',
      baseUrl: `${emulator.url}/v1`,
      tasks: ['extraction'],
      maxOutputTokens: 500,
    },
  });

  // The admin adds a user with a daily token quota on the Users page.
  await openPage(page, 'Users');
  const form = page.getByRole('region', { name: 'Add a user' });
  await form.getByLabel('Name').fill('alice');
  await form.getByLabel('Daily tokens').fill('50000');
  await form.getByRole('button', { name: 'Add user' }).click();
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByRole('row').filter({ hasText: 'alice' })).toContainText('50,000');
  // And gives her a monthly quota too.
  await users.getByRole('button', { name: 'Edit alice' }).click();
  const edit = page.getByRole('dialog', { name: 'Quotas of alice' });
  await edit.getByLabel('Monthly tokens').fill('1000000');
  await edit.getByRole('button', { name: 'Save quotas' }).click();
  await expect(edit).toBeHidden();
  await expect(users.getByRole('row').filter({ hasText: 'alice' })).toContainText('1,000,000');
  await page.screenshot({ path: screenPath(app, 'users-page.png'), fullPage: true });

  // At the next start the app asks for a profile: the OS user is not in the list.
  await page.reload();
  const chooser = page.getByRole('dialog', { name: 'Choose your profile' });
  await expect(chooser).toBeVisible();
  await chooser.getByRole('combobox', { name: 'Profile' }).click();
  await page.getByRole('option', { name: 'alice' }).click();
  await chooser.getByRole('button', { name: 'Continue' }).click();
  await expect(chooser).toBeHidden();
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Profile' })).toHaveValue('alice');

  // A recruiter step through the router, as alice.
  const text = exampleText('job-backend.txt');
  emulator.pushReplies({ text: JSON.stringify(extractJobFieldsOffline(text)), usage: { input: 1_000, output: 200 } });
  await addPostingAndExtract(page, text, 'Northwind Logistics');

  await openPage(page, 'Usage');
  const card = page.getByRole('region', { name: 'Use against quotas' });
  const alice = card.getByRole('row').filter({ hasText: 'alice' });
  await expect(alice.getByRole('cell').nth(0)).toHaveText('1,200 / 50,000 (2.4%)');
  await expect(alice.getByRole('cell').nth(1)).toHaveText('1,200 / 1,000,000 (0.1%)');
  await page.screenshot({ path: screenPath(app, 'usage-quotas.png'), fullPage: true });

  // The CLI says the same once the web host's budget lease is idle and given back (after a second without calls:
  // until then another process counts its unused reservation on top, as for provider budgets).
  const alicesUse = () => {
    const out = cli(app, ['usage', 'stats', '--by', 'user', '--json']);
    const { quotas } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { quotas: QuotaUse[] };
    const use = quotas.find((q) => q.user === 'alice');
    return { day: use?.dayTokens, month: use?.monthTokens };
  };
  await expect.poll(alicesUse, { timeout: 15_000 }).toEqual({
    day: { used: 1_200, limit: 50_000, percent: 2.4 },
    month: { used: 1_200, limit: 1_000_000, percent: 0.1 },
  });
});
