import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDto, ProviderConfigDto, RoutingTaskDto, TransferPlan } from '@contract';
import { checksumOf } from '../../../src-main/transfer/file-integrity';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { cli, type CliRun } from '../../helpers/cli';
import { ex } from '../../helpers/examples';
import { tempDir } from '../../helpers/temp';

type Run = (args: string[]) => Promise<CliRun>;

async function adminFolder(): Promise<{ dir: string; run: Run; cleanup: () => void }> {
  const data = tempDir();
  const run: Run = (args) => cli(['--data-dir', data.dir, ...args]);
  const init = await cli(['--data-dir', data.dir, 'admin', 'init', '--json'], {
    env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  if (init.code !== 0) throw new Error(init.stderr);
  const { secret } = init.json<{ secret: string }>();
  const login = await cli(['--data-dir', data.dir, 'admin', 'login'], {
    env: { ADITUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ADITUS_ADMIN_TOTP: totpCode(secret, Date.now()) },
  });
  if (login.code !== 0) throw new Error(login.stderr);
  return { dir: data.dir, run, cleanup: data.cleanup };
}

const strategies = async (run: Run) =>
  Object.fromEntries(
    (await run(['routing', 'list', '--json'])).json<RoutingTaskDto[]>().map((t) => [t.task, t.strategy]),
  );

// Moving to another laptop carries each task's routing strategy and data policy and every provider's compliance
// attributes; candidate policies stay behind (they name candidates the other laptop does not have).
describe('aditus providers export / import: routing, task policies and compliance attributes', () => {
  let old: Awaited<ReturnType<typeof adminFolder>>;
  let fresh: Awaited<ReturnType<typeof adminFolder>>;
  let file: string;

  beforeAll(async () => {
    old = await adminFolder();
    fresh = await adminFolder();
    file = join(old.dir, 'move.json');
    const add = await old.run([
      ...['providers', 'add', '--name', 'eu-cloud', '--kind', 'openai-compatible', '--model', 'm'],
      ...['--base-url', 'http://127.0.0.1:9/v1', '--tasks', 'cv_draft,cover_letter'],
      ...['--region', 'eu', '--data-retention', '30 days', '--personal-data', 'no', '--pii-masking', 'off'],
    ]);
    expect(add.code, add.stderr).toBe(0);
    expect((await old.run(['routing', 'set', '--task', 'cv_draft', '--strategy', 'cheapest'])).code).toBe(0);
    expect((await old.run(['policy', 'set', '--task', 'cover_letter', '--allow', 'eu'])).code).toBe(0);
    const { id } = (await old.run(['candidates', 'import', ex('candidate.json'), '--json'])).json<{ id: string }>();
    expect((await old.run(['policy', 'set', '--candidate', id, '--allow', 'local'])).code).toBe(0);
    const exported = await old.run(['providers', 'export', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    old.cleanup();
    fresh.cleanup();
  });

  it('the file holds every task’s strategy and policy, and no candidate policy', () => {
    const content = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(content['version']).toBe(2);
    expect(content['routing']).toEqual([
      { task: 'extraction', strategy: 'priority' },
      { task: 'cv_draft', strategy: 'cheapest' },
      { task: 'cover_letter', strategy: 'priority' },
      { task: 'validation', strategy: 'priority' },
    ]);
    expect(content['policies']).toEqual([
      { task: 'extraction', allow: 'any' },
      { task: 'cv_draft', allow: 'any' },
      { task: 'cover_letter', allow: 'eu' },
      { task: 'validation', allow: 'any' },
    ]);
    expect(JSON.stringify(content)).not.toContain('candidate:');
  });

  it('a preview names what changes; the import sets it (audited) and the provider keeps its attributes', async () => {
    const preview = await fresh.run(['providers', 'import', file, '--dry-run']);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('Routing strategies to change: cv_draft → cheapest.');
    expect(preview.stdout).toContain('Task data policies to change: cover_letter → eu.');
    expect((await strategies(fresh.run))['cv_draft']).toBe('priority');

    const imported = await fresh.run(['providers', 'import', file, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json<TransferPlan>()).toMatchObject({
      routing: [{ task: 'cv_draft', strategy: 'cheapest' }],
      policies: [{ task: 'cover_letter', allow: 'eu' }],
    });
    expect(await strategies(fresh.run)).toEqual(await strategies(old.run));
    const policies = (await fresh.run(['policy', 'list', '--json'])).json<PolicyDto[]>();
    expect(policies.map((p) => [p.scope, p.target, p.allow])).toEqual([['task', 'cover_letter', 'eu']]);
    const [provider] = (await fresh.run(['providers', 'list', '--json'])).json<ProviderConfigDto[]>();
    expect(provider).toMatchObject({ region: 'eu', dataRetention: '30 days', personalData: false, piiMasking: false });

    const audit = (await fresh.run(['audit', 'list', '--json'])).json<{ action: string; target: string | null }[]>();
    expect(audit.filter((a) => a.action === 'routing.set').map((a) => a.target)).toEqual(['cv_draft']);
    expect(audit.filter((a) => a.action === 'policy.set').map((a) => a.target)).toEqual(['task:cover_letter']);

    // Importing the same file again changes nothing more.
    const again = await fresh.run(['providers', 'import', file]);
    expect(again.stdout).toContain('Routing strategies changed: none.');
    expect(again.stdout).toContain('Task data policies changed: none.');
  });

  it('a version 1 file (from before routing and policies were moved) still imports, changing neither', async () => {
    const v2 = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const { routing: _routing, policies: _policies, checksum: _checksum, ...rest } = v2;
    const v1: Record<string, unknown> = { ...rest, version: 1 };
    v1['checksum'] = checksumOf(v1);
    const v1File = join(old.dir, 'v1.json');
    writeFileSync(v1File, JSON.stringify(v1));
    const third = await adminFolder();
    try {
      const r = await third.run(['providers', 'import', v1File, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json<TransferPlan>()).toMatchObject({ routing: [], policies: [] });
      expect((await third.run(['providers', 'list', '--json'])).json<ProviderConfigDto[]>()).toHaveLength(1);
    } finally {
      third.cleanup();
    }
  });
});
