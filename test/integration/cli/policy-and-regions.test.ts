import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDto, ProviderConfigDto } from '@contract';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { startEmulator, type Emulator } from '../../emulator';
import { adminLoginOverCli, cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { ex } from '../../helpers/examples';

// `providers add --region`, `policy set`: what the admin sets is stored, shown, and what the router obeys.
describe('aditus providers add --region / policy set', () => {
  const data = tempDir();
  const secrets = new MemorySecretStore();
  let emulator: Emulator;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data.dir, ...args], { secrets, env });

  beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
    await adminLoginOverCli(run);
  }, 90_000);
  afterAll(async () => {
    await emulator.close();
    data.cleanup();
  });

  const addArgs = (name: string, extra: string[]) => [
    'providers',
    'add',
    '--name',
    name,
    '--kind',
    'openai-compatible',
    '--model',
    'gpt-4o-mini',
    '--base-url',
    `${emulator.url}/v1`,
    '--tasks',
    'cv_draft,cover_letter',
    ...extra,
  ];

  it('stores region, retention, personal data and masking; masking defaults to on for cloud, off for local', async () => {
    const us = await run([...addArgs('us-cloud', ['--region', 'us', '--data-retention', '30 days']), '--json']);
    expect(us.code, us.stderr).toBe(0);
    expect(us.json<ProviderConfigDto>()).toMatchObject({
      region: 'us',
      dataRetention: '30 days',
      personalData: true,
      piiMasking: true,
    });
    const local = await run([...addArgs('on-prem', ['--region', 'local']), '--json']);
    expect(local.json<ProviderConfigDto>()).toMatchObject({ region: 'local', piiMasking: false });
    const updated = await run(['providers', 'update', 'us-cloud', '--personal-data', 'no', '--pii-masking', 'off']);
    expect(updated.code, updated.stderr).toBe(0);
    const show = await run(['providers', 'show', 'us-cloud']);
    expect(show.stdout).toMatch(/region\s+us/u);
    expect(show.stdout).toMatch(/data retention\s+30 days/u);
    expect(show.stdout).toMatch(/personal data\s+never sent/u);
    expect(show.stdout).toMatch(/PII masking\s+off/u);
    const bad = await run(addArgs('mars', ['--region', 'mars']));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--region/u);
  });

  it('`policy set` per task and per candidate is listed and audited; a wrong target is refused', async () => {
    const task = await run(['policy', 'set', '--task', 'cv_draft', '--allow', 'eu']);
    expect(task.code, task.stderr).toBe(0);
    expect(task.stdout).toContain('Task cv_draft: EU and local providers.');
    const imported = await run(['candidates', 'import', ex('candidate.json'), '--json']);
    const { id } = imported.json<{ id: string }>();
    const cand = await run(['policy', 'set', '--candidate', id, '--allow', 'local']);
    expect(cand.code, cand.stderr).toBe(0);
    const list = (await run(['policy', 'list', '--json'])).json<PolicyDto[]>();
    expect(list.map((p) => [p.scope, p.target, p.allow])).toEqual([
      ['task', 'cv_draft', 'eu'],
      ['candidate', id, 'local'],
    ]);
    const audit = await run(['audit', 'list', '--json']);
    expect(audit.stdout).toContain('policy.set');
    expect((await run(['policy', 'set', '--candidate', 'no-such-id', '--allow', 'eu'])).stderr).toMatch(
      /No candidate with id/u,
    );
    expect((await run(['policy', 'set', '--allow', 'eu'])).code).toBe(2);
    // `any` removes the task's policy.
    await run(['policy', 'set', '--task', 'cv_draft', '--allow', 'any']);
    expect((await run(['policy', 'list', '--json'])).json<PolicyDto[]>()).toHaveLength(1);
  });

  it('a candidate kept local is drafted by the local provider only; with none allowed the draft is refused', async () => {
    const { id } = (await run(['candidates', 'list', '--json'])).json<{ id: string }[]>()[0]!;
    await run(['policy', 'set', '--candidate', id, '--allow', 'local']);
    await run(['providers', 'update', 'on-prem', '--inactive']);
    const before = emulator.requests().length;
    const out = `${data.dir}/letter.md`;
    const refused = await run([
      'draft',
      'cover-letter',
      '--candidate',
      ex('candidate.json'),
      '--job',
      ex('job-backend.txt'),
      '--out',
      out,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/data policy "local only" \(set for candidate/u);
    expect(emulator.requests().length).toBe(before);
  });
});
