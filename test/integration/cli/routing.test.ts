import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRowDto, RouteReason, RoutingTaskDto } from '@contract';
import { createCore } from '../../../src-main/core';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { startEmulator, type Emulator } from '../../emulator';
import { adminLoginOverCli, cli } from '../../helpers/cli';
import { seedHistory } from '../../helpers/routing-history';
import { tempDir } from '../../helpers/temp';

describe('aditus routing list / set, and the reason in ask --json', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  const emulators: Emulator[] = [];
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data.dir, ...args], { secrets, env });
  const extraction = (tasks: RoutingTaskDto[]) => tasks.find((t) => t.task === 'extraction')!;

  beforeAll(async () => {
    emulators.push(await startEmulator({ openMode: true }), await startEmulator({ openMode: true }));
    await adminLoginOverCli(run);
    for (const [i, name, model] of [
      [0, 'dear', 'dear-model'],
      [1, 'cheap', 'cheap-model'],
    ] as const) {
      const add = await run([
        'providers',
        'add',
        '--name',
        name,
        '--kind',
        'openai-compatible',
        '--model',
        model,
        '--base-url',
        `${emulators[i]!.url}/v1`,
        '--tasks',
        'extraction',
        '--priority',
        String(i + 1),
      ]);
      expect(add.code, add.stderr).toBe(0);
    }
    expect((await run(['prices', 'set', '--model', 'dear-model', '--input', '2', '--output', '4'])).code).toBe(0);
    expect((await run(['prices', 'set', '--model', 'cheap-model', '--input', '1', '--output', '2'])).code).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await run(['admin', 'logout']);
    await Promise.all(emulators.map((e) => e.close()));
    data.cleanup();
  });

  it('lists every task with the priority strategy by default and the configured order', async () => {
    const r = await run(['routing', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const tasks = r.json<RoutingTaskDto[]>();
    expect(tasks.map((t) => t.strategy)).toEqual(['priority', 'priority', 'priority', 'priority']);
    expect(extraction(tasks).order.map((c) => c.providerName)).toEqual(['dear', 'cheap']);
  });

  it('refuses an unknown strategy with a usage error', async () => {
    const r = await run(['routing', 'set', '--task', 'extraction', '--strategy', 'random']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cheapest/u);
  });

  it('sets a strategy (audited); list shows the computed order with scores; ask --json says why', async () => {
    const set = await run(['routing', 'set', '--task', 'extraction', '--strategy', 'cheapest', '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.json<RoutingTaskDto>()).toMatchObject({ task: 'extraction', strategy: 'cheapest' });

    const audit = await run(['audit', 'list', '--action', 'routing.', '--json']);
    expect(audit.json<AuditRowDto[]>()[0]).toMatchObject({ action: 'routing.set', target: 'extraction' });

    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    seedHistory(core, 'dear', 'extraction', { inputTokens: 1_000, outputTokens: 500 });
    seedHistory(core, 'cheap', 'extraction', { inputTokens: 1_000, outputTokens: 500 });
    core.close();

    const list = await run(['routing', 'list', '--json']);
    expect(extraction(list.json<RoutingTaskDto[]>()).order).toMatchObject([
      { providerName: 'cheap', score: 1, samples: 20, expectedCostUsd: 0.002 },
      { providerName: 'dear', score: 0.5, samples: 20, expectedCostUsd: 0.004 },
    ]);
    const table = await run(['routing', 'list']);
    expect(table.stdout).toMatch(/extraction\s+cheapest\s+1\s+cheap\s+1\.000\s+20/u);

    const ask = await run(['ask', '--task', 'extraction', '--json', 'Hello']);
    expect(ask.code, ask.stderr).toBe(0);
    const answer = ask.json<{ providerName: string; routeReason: RouteReason }>();
    expect(answer.routeReason).toMatchObject({ strategy: 'cheapest', minSamples: 20 });
    // The CLI explores 5% of calls at random: then the second choice goes first, and the reason says so.
    const expected = answer.routeReason.explored ? ['dear', 'cheap'] : ['cheap', 'dear'];
    expect(answer.routeReason.candidates.map((c) => c.providerName)).toEqual(expected);
    expect(answer.providerName).toBe(expected[0]);

    // The same reason is on the attempt's usage event, in `usage events --json` and in the CSV export.
    const events = await run(['usage', 'events', '--limit', '1', '--json']);
    expect(events.code, events.stderr).toBe(0);
    const [event] = events.json<{ requestId: string; routeReason: RouteReason | null }[]>();
    expect(event?.routeReason).toEqual(answer.routeReason);
    const csv = await run(['usage', 'export', '--format', 'csv']);
    const [header = '', ...rows] = csv.stdout.trim().split('\n');
    const strategyAt = header.split(',').indexOf('routeStrategy');
    expect(strategyAt).toBeGreaterThan(0);
    const row = rows.find((r) => r.includes(event?.requestId ?? '?')) ?? '';
    expect(row.split(',')[strategyAt]).toBe('cheapest');
  });

  it('setting a strategy needs the admin session; listing does not', async () => {
    expect((await run(['admin', 'logout'])).code).toBe(0);
    const set = await run(['routing', 'set', '--task', 'cv_draft', '--strategy', 'fastest']);
    expect(set.code).toBe(1);
    expect(set.stderr).toMatch(/admin/iu);
    const list = await run(['routing', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.json<RoutingTaskDto[]>().find((t) => t.task === 'cv_draft')?.strategy).toBe('priority');
  });
});
