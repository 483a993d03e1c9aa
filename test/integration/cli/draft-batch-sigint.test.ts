import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerConfigInputSchema } from '@contract';
import { createCore } from '../../../src-main/core';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { startEmulator, type Emulator } from '../../emulator';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

const ROOT = join(__dirname, '../../..');
const fixture = (name: string) => join(__dirname, '../../fixtures/drafting/candidates', name);

// The real `aditus` from the built app (npm run build first), interrupted with Ctrl-C (SIGINT) part-way.
describe('aditus draft batch: Ctrl-C', () => {
  const data = tempDir();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
    const core = createCore({ dataDir: data.dir, secrets: new MemorySecretStore(), log: () => {} });
    core.services.providers.create(
      providerConfigInputSchema.parse({
        name: 'emu',
        kind: 'openai-compatible',
        model: 'gpt-4o-mini',
        baseUrl: `${emulator.url}/v1`,
        tasks: ['cover_letter'],
        region: 'local',
        timeoutMs: 30_000,
      }),
      undefined,
      'test@cli',
    );
    core.close();
  });
  afterAll(async () => {
    await emulator.close();
    data.cleanup();
  });

  it('cancels the items not started, stops the running one, says which, and exits 130', async () => {
    // Each answer takes a while, so the second item is still waiting for its answer when Ctrl-C comes.
    emulator.pushFaults({ latencyMs: 1_500, times: 4 });
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/aditus.cjs'),
        '--data-dir',
        data.dir,
        'draft',
        'batch',
        '--kind',
        'cover-letter',
        '--candidate',
        ex('candidate.json'),
        fixture('md-german.md'),
        fixture('md-ceo-headings.md'),
        fixture('txt-spanish-dates-first.txt'),
        '--job',
        ex('job-backend.txt'),
        '--concurrency',
        '1',
        '--yes',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString('utf8');
        if (/\[1\/4\] done/u.test(stdout)) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stdout).toContain('4 item(s): 1 done, 0 failed, 0 queued, 3 cancelled (the batch was cancelled).');
    expect(stdout.match(/^\[\d\/4\] cancelled/gmu)).toHaveLength(3);
    expect(stdout).toMatch(/cancelled .*Stopped before any text arrived/u);
    expect(stdout).toMatch(/cancelled .*Cancelled before it started/u);
    const calls = emulator.requests().filter((r) => r.path.endsWith('/chat/completions'));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.clientAborted).toBe(true);
  });
});
