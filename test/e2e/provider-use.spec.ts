import { formatInteger, formatUsd } from '@shared/display-format';
import { startEmulator, type Emulator } from '../emulator';
import { expect, test } from './fixtures';
import { ask, ipc, openPage, setUpAdminInUi } from './admin-ui';

let emu: Emulator;
test.beforeAll(async () => {
  emu = await startEmulator({ openMode: true });
});
test.afterAll(async () => {
  await emu.close();
});

interface Stats {
  totals: { inputTokens: number; outputTokens: number; costUsd: number };
}

test('the Providers page shows what a provider used without a limit, the same as the Usage figures, then against a limit set later', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await ipc(app, 'providers:create', {
    config: {
      name: 'Emulated GPT',
      kind: 'openai-compatible',
      baseUrl: `${emu.url}/v1`,
      model: 'gpt-4o-mini',
      tasks: ['extraction'],
    },
  });
  for (let i = 0; i < 2; i++) {
    emu.pushReplies({ text: `Skills ${i}: TypeScript, React`, usage: { input: 1_500, output: 301 } });
    expect(await ask(app, { task: 'extraction', prompt: 'Extract the skills.' })).toBeNull();
  }
  const now = Date.now();
  const dayStart = new Date(new Date(now).setHours(0, 0, 0, 0)).getTime();
  const { totals } = await ipc<Stats>(app, 'usage:stats', { from: dayStart, to: now + 1, by: 'provider' });
  expect(totals.inputTokens + totals.outputTokens).toBe(3_602);

  await openPage(page, 'Providers');
  const row = page.getByRole('table', { name: 'Providers' }).getByRole('row').filter({ hasText: 'Emulated GPT' });
  await expect(row).toContainText(`Today${formatInteger(3_602)} tokens · no limit`);
  await expect(row).toContainText(`This month${formatInteger(3_602)} tokens · no limit`);
  await expect(row).toContainText(`Month cost${formatUsd(totals.costUsd)} · no limit`);
  await row.screenshot({ path: test.info().outputPath('provider-use-no-limit.png') });

  // A daily limit set mid-day counts what was already used.
  await ipc(app, 'providers:update', { name: 'Emulated GPT', patch: { dailyTokenLimit: 20_000 } });
  await openPage(page, 'Usage');
  await openPage(page, 'Providers');
  await expect(row).toContainText('Today3,602 / 20,000 tokens');
  await expect(row.getByRole('progressbar', { name: 'Emulated GPT: today’s token budget 18% used' })).toBeVisible();
});
