import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentVersionDto } from '@contract';
import { createCore } from '../../../src-main/core';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { startEmulator, type Emulator } from '../../emulator';
import { adminLoginOverCli, cli } from '../../helpers/cli';
import { seedHistory } from '../../helpers/routing-history';
import { tempDir } from '../../helpers/temp';
import { ex } from '../../helpers/examples';

// The Documents trail: a version a provider drafted keeps why the router chose it and where the candidate's data
// went, and `documents show` prints it from the store (every CLI call is a new process: a restart each time).
describe('aditus documents show: routing reason, region and masking of each AI-made version', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  const emulators: Emulator[] = [];
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data.dir, ...args], { secrets, env });

  beforeAll(async () => {
    emulators.push(await startEmulator({ openMode: true }), await startEmulator({ openMode: true }));
    await adminLoginOverCli(run);
    for (const [i, name, model, extra] of [
      [0, 'dear-us', 'dear-model', ['--region', 'us']],
      [1, 'cheap-eu', 'cheap-model', ['--region', 'eu', '--pii-masking', 'off']],
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
        'cover_letter',
        '--priority',
        String(i + 1),
        ...extra,
      ]);
      expect(add.code, add.stderr).toBe(0);
    }
    expect((await run(['prices', 'set', '--model', 'dear-model', '--input', '2', '--output', '4'])).code).toBe(0);
    expect((await run(['prices', 'set', '--model', 'cheap-model', '--input', '1', '--output', '2'])).code).toBe(0);
    expect((await run(['routing', 'set', '--task', 'cover_letter', '--strategy', 'cheapest'])).code).toBe(0);
    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    seedHistory(core, 'dear-us', 'cover_letter', {});
    seedHistory(core, 'cheap-eu', 'cover_letter', {});
    core.close();
  }, 90_000);
  afterAll(async () => {
    await run(['admin', 'logout']);
    await Promise.all(emulators.map((e) => e.close()));
    data.cleanup();
  });

  it('prints the strategy, each provider’s score, the region and whether the data was masked', async () => {
    const out = join(data.dir, 'letter.md');
    const draft = await run([
      'draft',
      'cover-letter',
      '--candidate',
      ex('candidate.json'),
      '--job',
      ex('job-backend.txt'),
      '--out',
      out,
      '--no-validate',
    ]);
    expect(draft.code, draft.stderr).toBe(0);
    const [doc] = (await run(['documents', 'list', '--json'])).json<{ id: string }[]>();
    const shown = await run(['documents', 'show', doc!.id, '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    const [version] = shown.json<{ versions: DocumentVersionDto[] }>().versions;
    // The CLI explores 5% of calls: then the dearer provider goes first, and the reason says so.
    const explored = version!.routeReason!.explored;
    const [answered, region, masked] = explored ? ['dear-us', 'us', true] : ['cheap-eu', 'eu', false];
    expect(version).toMatchObject({
      origin: 'generated',
      providerName: answered,
      routeReason: { strategy: 'cheapest', minSamples: 20 },
      sentTo: [{ provider: answered, region, masked }],
    });
    expect(version!.routeReason!.candidates.map((c) => c.providerName)[0]).toBe(answered);

    const text = await run(['documents', 'show', doc!.id]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`v1 generated \\S+ by ${answered} \\(`, 'u'));
    expect(text.stdout).toContain('Routed by cheapest (expected cost)');
    expect(text.stdout).toMatch(/cheap-eu: score 1\.000 \(20 calls, 100% ok, p50 100 ms, ~\$0\.002000 a call/u);
    expect(text.stdout).toMatch(/dear-us: score 0\.500 \(20 calls/u);
    expect(text.stdout).toContain(
      masked
        ? 'Candidate data sent to dear-us (region us), personal identifiers masked'
        : 'Candidate data sent to cheap-eu (region eu), not masked',
    );
  });

  it('a failover lists every provider the data went to, the failed one too', async () => {
    expect((await run(['routing', 'set', '--task', 'cover_letter', '--strategy', 'priority'])).code).toBe(0);
    emulators[0]!.pushFaults({ status: 401 }); // dear-us rejects the key: the router fails over at once
    const draft = await run([
      'draft',
      'cover-letter',
      '--candidate',
      ex('candidate.json'),
      '--job',
      ex('job-backend.txt'),
      '--out',
      join(data.dir, 'letter-2.md'),
      '--no-validate',
    ]);
    expect(draft.code, draft.stderr).toBe(0);
    const [doc] = (await run(['documents', 'list', '--json'])).json<{ id: string }[]>();
    const [version] = (await run(['documents', 'show', doc!.id, '--json'])).json<{ versions: DocumentVersionDto[] }>()
      .versions;
    expect(version).toMatchObject({
      providerName: 'cheap-eu',
      sentTo: [
        { provider: 'dear-us', region: 'us', masked: true },
        { provider: 'cheap-eu', region: 'eu', masked: false },
      ],
    });
    const text = (await run(['documents', 'show', doc!.id])).stdout;
    expect(text).toContain(
      'Routed by priority (default first, then priority); dear-us was first in the order but did not answer.',
    );
    expect(text).toContain('Candidate data sent to dear-us (region us), personal identifiers masked');
    expect(text).toContain('Candidate data sent to cheap-eu (region eu), not masked');
  });

  it('a saved edit carries no routing reason and no destination', async () => {
    const [doc] = (await run(['documents', 'list', '--json'])).json<{ id: string }[]>();
    const core = createCore({ dataDir: data.dir, secrets, log: () => {} });
    core.services.drafting.saveVersion(doc!.id, 'Edited by hand.');
    core.close();
    const shown = await run(['documents', 'show', doc!.id, '--json']);
    const [edit] = shown.json<{ versions: DocumentVersionDto[] }>().versions;
    expect(edit).toMatchObject({ version: 2, origin: 'edited', routeReason: null, sentTo: null });
    const text = await run(['documents', 'show', doc!.id]);
    expect(text.stdout).toMatch(/v2 edited \S+\n\s+v1 generated/u);
  });
});
