import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerConfigInputSchema, type UsageEventDto } from '@contract';
import { createCore } from '../../../src-main/core';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { startEmulator, type Emulator } from '../../emulator';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

const ROOT = join(__dirname, '../../..');
const JOB = ex('job-backend.txt');
const FIELDS = JSON.stringify(extractJobFieldsOffline(readFileSync(JOB, 'utf8')));
const run = promisify(execFile);

interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

// Separate OS processes of the built CLI (npm run build first), sharing one data folder and one user's quota.
describe('per-user quotas across CLI processes', () => {
  const data = tempDir();
  let emulator: Emulator;
  const aditus = (args: string[]): Promise<Exit> =>
    run(process.execPath, [join(ROOT, 'bin/aditus.cjs'), '--data-dir', data.dir, ...args], { encoding: 'utf8' }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code?: number; stdout?: string; stderr?: string }) => ({
        code: typeof err.code === 'number' ? err.code : 1,
        stdout: err.stdout ?? '',
        stderr: err.stderr ?? '',
      }),
    );
  const setUp = async (fn: (core: ReturnType<typeof createCore>) => void) => {
    const core = createCore({ dataDir: data.dir, secrets: new KeytarSecretStore(), log: () => {} });
    try {
      await core.start();
      fn(core);
    } finally {
      core.close();
    }
  };

  beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
    await setUp((core) => {
      core.services.providers.create(
        providerConfigInputSchema.parse({
          name: 'gpt',
          kind: 'openai-compatible',
          model: 'gpt-4o-mini',
          baseUrl: `${emulator.url}/v1`,
          tasks: ['extraction'],
          maxOutputTokens: 300,
        }),
        undefined,
        'test@cli',
      );
      core.services.users.add({ name: 'probe', dailyTokens: 1 }, 'test@cli');
    });
  }, 60_000);
  afterAll(async () => {
    await emulator.close();
    data.cleanup();
  });

  it('four CLI processes at once as one user never use more than the quota together', async () => {
    // The worst case one extraction reserves, as the refusal states it.
    const probe = await aditus(['--user', 'probe', 'extract', JOB]);
    const worstCase = Number(/may use up to ([\d,]+) tokens/u.exec(probe.stderr)?.[1]?.replace(/,/gu, '') ?? NaN);
    expect(worstCase, probe.stderr).toBeGreaterThan(0);
    const quota = worstCase * 2;
    await setUp((core) => void core.services.users.add({ name: 'carol', dailyTokens: quota }, 'test@cli'));
    const actual = worstCase - 100;
    emulator.pushReplies(
      ...Array.from({ length: 4 }, () => ({ text: FIELDS, usage: { input: actual - 50, output: 50 } })),
    );
    const sent = emulator.requests().length;

    const exits = await Promise.all(Array.from({ length: 4 }, () => aditus(['--user', 'carol', 'extract', JOB])));

    const ok = exits.filter((e) => e.code === 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const e of exits.filter((x) => x.code !== 0))
      expect(e.stderr).toMatch(/User carol is over the daily token quota: [\d,]+ of [\d,]+ used today/u);
    expect(emulator.requests().length - sent).toBe(ok.length);
    const events = await aditus(['usage', 'events', '--limit', '100', '--json']);
    const used = (JSON.parse(events.stdout.trim().split('\n').at(-1) ?? '[]') as UsageEventDto[])
      .filter((e) => e.userId === 'carol')
      .reduce((sum, e) => sum + e.inputTokens + e.outputTokens, 0);
    expect(used).toBe(ok.length * actual);
    expect(used).toBeLessThanOrEqual(quota);
  }, 120_000);
});
