import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { adminLoginOverCli, cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const ROOT = join(__dirname, '../../..');

/** `aditus …` in a process of its own (nothing shared with this one but the data folder and the OS keychain). */
async function aditusProcess(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src-main/cli/main.ts'), ...args],
    { cwd: ROOT, env: { ...process.env, ADITUS_DATA_DIR: '' } },
  );
  return stdout;
}

/** The sum of a metric's samples whose labels include `match` (Prometheus text format). */
function total(text: string, metric: string, match = ''): number {
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${metric}{`) && l.includes(match))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

interface StatsTotals {
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

// The real CLI with the real OS keychain: calls made by some processes, metrics printed by another.
describe('aditus metrics: the usage ledger, whichever process made the calls', () => {
  const data = tempDir();
  let emulator: Emulator;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data.dir, ...args], { env });

  beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
    await adminLoginOverCli(run);
    const add = await run([
      'providers',
      'add',
      '--name',
      'mini',
      '--kind',
      'openai-compatible',
      '--model',
      'gpt-4o-mini',
      '--base-url',
      `${emulator.url}/v1`,
      '--tasks',
      'cover_letter',
      '--default',
    ]);
    expect(add.code, add.stderr).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await run(['admin', 'logout']);
    await emulator.close();
    data.cleanup();
  });

  it('prints the same calls, tokens and cost as `usage stats --json`, after the calls were made by other CLI runs', async () => {
    emulator.pushReplies(
      { text: 'one', usage: { input: 1_200, output: 300 } },
      { text: 'two', usage: { input: 800, output: 150 } },
    );
    for (const prompt of ['First', 'Second']) {
      const asked = await run(['ask', '--task', 'cover_letter', '--json', prompt]);
      expect(asked.code, asked.stderr).toBe(0);
    }
    const stats = (await run(['usage', 'stats', '--json'])).json<{ totals: StatsTotals }>().totals;
    expect(stats).toMatchObject({ calls: 2, inputTokens: 2_000, outputTokens: 450 });
    expect(stats.costUsd).toBeGreaterThan(0);

    const text = await aditusProcess(['--data-dir', data.dir, 'metrics']);
    const calls = 'ai_provider_api_calls_total';
    expect(total(text, calls)).toBe(stats.calls);
    expect(total(text, calls, 'status="error"')).toBe(stats.errors);
    expect(total(text, 'ai_provider_tokens_total', 'direction="input"')).toBe(stats.inputTokens);
    expect(total(text, 'ai_provider_tokens_total', 'direction="output"')).toBe(stats.outputTokens);
    expect(total(text, 'ai_provider_cost_usd_total')).toBe(stats.costUsd);
    expect(total(text, 'ai_provider_latency_ms_count')).toBe(stats.calls);

    // Another process once more: the numbers do not depend on which process asks.
    expect(await aditusProcess(['--data-dir', data.dir, 'metrics'])).toBe(text);
    // Two processes compiled from source (tsx) on a shared 2-core machine: more than the default 30 s at times.
  }, 180_000);
});
