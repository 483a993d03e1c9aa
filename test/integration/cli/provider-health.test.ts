import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderHealthStatusDto } from '@contract';
import { startEmulator, type Emulator } from '../../emulator';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { createCore } from '../../../src-main/core';
import { FakeClock } from '../../../src-main/clock';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';

// The real CLI: `--probe-every` on add/update and `providers health`; the probes themselves are run by a
// long-lived host (here a core on the same data folder, as the web host would).
describe('aditus providers health / --probe-every', () => {
  const data = tempDir();
  let emulator: Emulator;
  const run = (args: string[], options: { env?: NodeJS.ProcessEnv } = {}) =>
    cli(['--data-dir', data.dir, ...args], options);

  beforeAll(async () => {
    emulator = await startEmulator();
    const init = await run(['admin', 'init', '--json'], { env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    expect(init.code, init.stderr).toBe(0);
    const { secret } = init.json<{ secret: string }>();
    const login = await run(['admin', 'login'], {
      env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: totpCode(secret, Date.now()) },
    });
    expect(login.code, login.stderr).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await run(['admin', 'logout']);
    await emulator.close();
    data.cleanup();
  });

  it('`add --probe-every 5m` stores the interval; `providers health --json` shows it, state unknown before any probe', async () => {
    const add = await run([
      'providers',
      'add',
      '--name',
      'local',
      '--kind',
      'openai-compatible',
      '--model',
      'gpt-4o-mini',
      '--base-url',
      `${emulator.url}/v1`,
      '--probe-every',
      '5m',
    ]);
    expect(add.code, add.stderr).toBe(0);
    const health = await run(['providers', 'health', '--json']);
    expect(health.code, health.stderr).toBe(0);
    expect(health.json<ProviderHealthStatusDto[]>()).toEqual([
      {
        name: 'local',
        state: 'unknown',
        since: null,
        reason: null,
        probeEveryMs: 300_000,
        lastProbe: null,
        recentChanges: [],
      },
    ]);
    expect((await run(['providers', 'health'])).stdout).toMatch(/^local\s+unknown\s+-\s+5m\s+-\s*$/mu);
  });

  it('`update --probe-every` changes only the interval; a bad or too short one exits 2 and changes nothing', async () => {
    const updated = await run(['providers', 'update', 'local', '--probe-every', '1h']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain('Updated local; health probes every 1h.');
    const short = await run(['providers', 'update', 'local', '--probe-every', '30s']);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/--probe-every: the probe interval must be between 1m and 1d/u);
    const bad = await run(['providers', 'update', 'local', '--probe-every', 'often']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"often" is not an interval/u);
    const health = (await run(['providers', 'health', 'local', '--json'])).json<ProviderHealthStatusDto[]>();
    expect(health[0]?.probeEveryMs).toBe(3_600_000);
  });

  it('`providers health NAME` shows the state a host computed, its last probe and the recent changes', async () => {
    const clock = new FakeClock();
    const host = createCore({ dataDir: data.dir, secrets: new MemorySecretStore(), clock, log: () => undefined });
    try {
      expect((await host.services.health.tick()).probed).toEqual(['local']);
    } finally {
      host.close();
    }
    const shown = await run(['providers', 'health', 'local']);
    expect(shown.code, shown.stderr).toBe(0);
    const at = new Date(clock.now()).toISOString();
    expect(shown.stdout).toContain(`local: HEALTHY since ${at}`);
    expect(shown.stdout).toMatch(new RegExp(`probes: every 1h; last probe: ${at} ok \\d+ ms`, 'u'));
    expect(shown.stdout).toContain(`${at}  unknown → healthy`);
    expect(emulator.requests().filter((r) => r.path.endsWith('/models'))).toHaveLength(1);
  });

  it('`update --probe-every off` turns probes off', async () => {
    const off = await run(['providers', 'update', 'local', '--probe-every', 'off', '--json']);
    expect(off.code, off.stderr).toBe(0);
    expect(off.json()).toMatchObject({ name: 'local', probeEveryMs: null });
    expect((await run(['providers', 'health', 'local'])).stdout).toContain('probes: off;');
  });

  it('an unknown provider is an error naming it', async () => {
    const r = await run(['providers', 'health', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope/u);
  });
});
