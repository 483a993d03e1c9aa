import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerConfigInputSchema } from '@contract';
import { formatDateTime, formatInteger, formatUsd } from '@shared/display-format';
import { createCore } from '../../../src-main/core';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { nextLocalMidnight } from '../../../src-main/usage/periods';
import { startEmulator, type Emulator } from '../../emulator';
import { cli } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

interface ListedProvider {
  name: string;
  dailyTokenLimit: number | null;
  use: { dayTokens: number; monthTokens: number; dayCostUsd: number; monthCostUsd: number; priced: boolean };
}

interface Stats {
  totals: { inputTokens: number; outputTokens: number; costUsd: number };
}

// A new admin's path: calls are made before any limit exists, then a daily limit is set mid-day.
describe('aditus: budgets count what was used before a limit was set', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  let emulator: Emulator;
  const run = (args: string[]) => cli(['--data-dir', data.dir, ...args], { secrets });
  const fields = JSON.stringify(extractJobFieldsOffline(readFileSync(ex('job-backend.txt'), 'utf8')));
  const extract = () => run(['extract', ex('job-backend.txt')]);
  const withCore = async <T>(fn: (core: ReturnType<typeof createCore>) => Promise<T> | T): Promise<T> => {
    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    try {
      return await fn(core);
    } finally {
      core.close();
    }
  };
  const listed = async () => {
    const r = await run(['providers', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return r.json<ListedProvider[]>().find((p) => p.name === 'gpt')!;
  };
  const statsToday = async () => {
    const today = new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in local time
    const r = await run(['usage', 'stats', '--from', today, '--to', today, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return r.json<Stats>().totals;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
    await withCore((core) =>
      core.services.providers.create(
        providerConfigInputSchema.parse({
          name: 'gpt',
          kind: 'openai-compatible',
          model: 'gpt-4o-mini',
          baseUrl: `${emulator.url}/v1`,
          tasks: ['extraction'],
          timeoutMs: 5_000,
          maxOutputTokens: 4096,
          onLimit: 'error',
        }),
        undefined,
        'test@cli',
      ),
    );
  });
  afterAll(async () => {
    await emulator.close();
    data.cleanup();
  });

  it('without a limit, `providers list` shows the tokens and cost used today, the same figures as `usage stats`', async () => {
    emulator.pushReplies(
      { text: fields, usage: { input: 1_500, output: 301 } },
      { text: fields, usage: { input: 1_500, output: 301 } },
    );
    for (let i = 0; i < 2; i++) {
      const r = await extract();
      expect(r.code, r.stderr).toBe(0);
    }

    const totals = await statsToday();
    expect(totals.inputTokens + totals.outputTokens).toBe(3_602);
    const gpt = await listed();
    expect(gpt.dailyTokenLimit).toBeNull();
    expect(gpt.use).toMatchObject({ dayTokens: 3_602, monthTokens: 3_602, priced: true });
    expect(gpt.use.dayCostUsd).toBeCloseTo(totals.costUsd, 9);
    expect(gpt.use.dayCostUsd).toBeGreaterThan(0);

    const table = await run(['providers', 'list']);
    expect(table.stdout).toMatch(/TODAY\s+MONTH\s+MONTH COST/u);
    expect(table.stdout).toMatch(new RegExp(`^gpt .* 3,602\\s+3,602\\s+\\${formatUsd(totals.costUsd)}$`, 'mu'));
  });

  it('a daily limit set after that counts it: the next call, whose worst case does not fit, is refused and says why', async () => {
    await withCore((core) => core.services.providers.update('gpt', { dailyTokenLimit: 6_000 }, undefined, 'test@cli'));
    const sent = emulator.requests().length;

    const r = await extract();
    expect(r.code).not.toBe(0);
    const why = new RegExp(
      `gpt cannot take this call within its daily token limit: this call may use up to ([\\d,]+) tokens; ` +
        `3,602 of 6,000 used today; resets (.+)\\.$`,
      'mu',
    ).exec(r.stderr);
    expect(why, r.stderr).not.toBeNull();
    const worstCase = Number(why![1]!.replace(/,/gu, ''));
    // The call's reservation (input estimate + max output tokens) fits the limit alone, not on top of the use.
    expect(worstCase).toBeLessThanOrEqual(6_000);
    expect(3_602 + worstCase).toBeGreaterThan(6_000);
    expect(why![2]).toBe(formatDateTime(nextLocalMidnight(Date.now())));
    expect(emulator.requests().length).toBe(sent); // nothing was sent

    const gpt = await listed();
    expect(gpt.use.dayTokens).toBe(3_602);
    const table = await run(['providers', 'list']);
    expect(table.stdout).toMatch(new RegExp(`^gpt .* 3,602 / ${formatInteger(6_000)}\\s+3,602\\s+`, 'mu'));
  });
});
