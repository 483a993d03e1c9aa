import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PurgeResult, RetentionStatus } from '@contract';
import { auditIdentity } from '../../../src-main/audit/audit-log';
import { FakeClock } from '../../../src-main/clock';
import { createCore } from '../../../src-main/core';
import { DATABASE_FILE } from '../../../src-main/db/client';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { DAY_MS } from '../../../src-main/settings/retention-service';
import { usageEvent } from '../../fixtures/reliability/usage-event';
import { adminLoginOverCli, cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

// `aditus retention` with the real OS keychain (scripts/with-keyring.sh): the audit key and admin session.
describe('aditus retention', () => {
  const data = tempDir();
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data.dir, ...args], { env });
  const dbFile = join(data.dir, DATABASE_FILE);

  afterAll(async () => {
    await run(['admin', 'logout']);
    const keychain = new KeytarSecretStore();
    const id = auditIdentity(dbFile);
    await keychain.delete(`audit-key:${id}`);
    await keychain.delete(`audit-head:${id}`);
    data.cleanup();
  });

  /** 40 days ago: 25 usage events and a few audit entries; a document with 5 versions; then 3 recent events. */
  async function seedHistory(): Promise<void> {
    const clock = new FakeClock(Date.now() - 40 * DAY_MS);
    const core = createCore({ dataDir: data.dir, secrets: new KeytarSecretStore(), clock, log: () => undefined });
    try {
      await core.start();
      for (let n = 0; n < 25; n++) core.services.usageLog.record({ ...usageEvent(n, 'old'), createdAt: clock.now() });
      for (let n = 0; n < 3; n++)
        core.services.audit.append({ actor: 'ana@cli', action: 'provider.update', target: `p${n}` });
      const imported = await core.dispatch(
        'candidates:import',
        { file: { fileName: 'lea.md', dataBase64: Buffer.from('# Lea Park\nlea@example.com\n').toString('base64') } },
        core.localSession('cli'),
      );
      if (!imported.ok) throw new Error(imported.error.message);
      const { documents } = core.services.drafting.repos;
      const doc = documents.create('cv', (imported.data as { id: string }).id, null, 'CV Lea', 'ana');
      const meta = { providerName: null, model: null, requestId: null, offline: false };
      for (let v = 1; v <= 5; v++) documents.addVersion(doc, `version ${v}`, 'edited', meta);
      for (let n = 0; n < 3; n++)
        core.services.usageLog.record({ ...usageEvent(100 + n, 'new'), createdAt: Date.now() });
      await core.services.audit.settled();
    } finally {
      core.close();
    }
  }

  it('shows, asks before removing, sets and purges; audit verify, usage stats and metrics agree afterwards', async () => {
    await seedHistory();
    await adminLoginOverCli(run);

    const help = await run(['retention', '--help']);
    expect(help.stdout).toMatch(/show[\s\S]*set[\s\S]*purge/u);
    const setHelp = await run(['retention', 'set', '--help']);
    expect(setHelp.stdout).toContain('--usage-days <n>');
    expect(setHelp.stdout).toContain('--versions <n>');
    expect(setHelp.stdout).toContain('--audit-days <n>');

    const shown = await run(['retention', 'show']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('kept forever (default)');
    const status = (await run(['retention', 'show', '--json'])).json<RetentionStatus>();
    expect(status.settings).toEqual({ usageEventsDays: null, documentVersionsKeep: null, auditDays: null });

    const statsArgs = ['usage', 'stats', '--from', '2000-01-01', '--to', '2099-12-31', '--json'];
    const statsBefore = (await run(statsArgs)).json<{ totals: { calls: number } }>();
    expect(statsBefore.totals.calls).toBe(28);
    const metricsBefore = (await run(['metrics'])).stdout;

    // Without --yes: says what would go and changes nothing.
    const asked = await run(['retention', 'set', '--usage-days', '30', '--versions', '2', '--audit-days', '30']);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('Nothing was changed');
    expect(asked.stderr).toMatch(/usage events: 25 rows, about .* \(estimate\)/u);
    expect(asked.stderr).toMatch(/document versions: 3 rows/u);
    expect((await run(['retention', 'show', '--json'])).json<RetentionStatus>().settings.usageEventsDays).toBeNull();

    const bad = await run(['retention', 'set', '--versions', '0']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('at least 1');

    const set = await run([
      'retention',
      'set',
      '--usage-days',
      '30',
      '--versions',
      '2',
      '--audit-days',
      '30',
      '--yes',
      '--json',
    ]);
    expect(set.code, set.stderr).toBe(0);
    const { purge } = set.json<{ purge: PurgeResult }>();
    expect(purge.usageEvents).toBe(25);
    expect(purge.documentVersions).toBe(3);
    expect(purge.auditEntries).toBeGreaterThanOrEqual(3);
    expect(purge.auditBlocked).toBeNull();

    const verify = await run(['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout + verify.stderr).toContain('pruned');
    expect((await run(statsArgs)).json()).toEqual(statsBefore);
    expect((await run(['metrics'])).stdout).toBe(metricsBefore);
    const events = (await run(['usage', 'events', '--json'])).json<unknown[]>();
    expect(events).toHaveLength(3);

    const again = await run(['retention', 'purge']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Removed 0 usage events, 0 document versions and 0 audit entries.');
    const after = await run(['retention', 'show']);
    expect(after.stdout).toContain('removed after 30 days');
    expect(after.stdout).toContain('newest 2 versions per document kept');

    const db = new Database(dbFile, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'retention.purge'").pluck().get()).toBe(2);
    } finally {
      db.close();
    }

    await run(['admin', 'logout']);
    const locked = await run(['retention', 'purge']);
    expect(locked.code).not.toBe(0);
    expect(locked.stderr).toContain('admin');
  });
});
