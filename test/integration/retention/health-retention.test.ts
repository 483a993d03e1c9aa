import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '@contract';
import { DATABASE_FILE } from '../../../src-main/db/client';
import { DAY_MS } from '../../../src-main/settings/retention-service';
import type { Session } from '../../../src-main/session';
import { adminSession } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';

// The usage events window also takes the provider health history of the same age; each provider's latest probe
// and latest state change stay, so its current state, last probe and the chart's starting state are still known.
describe('retention: provider health history', () => {
  let t: TestCore;
  let session: Session;
  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const r = await t.core.dispatch(channel, input, session);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.data as ChannelOutput<C>;
  }

  beforeEach(async () => {
    t = testCore();
    await t.core.start();
    ({ session } = await adminSession(t));
  });
  afterEach(() => t.cleanup());

  it('removes probes and state changes older than the usage window, never a provider’s latest of each', async () => {
    const config = await call('providers:create', {
      config: { name: 'local', kind: 'openai-compatible', model: 'm', baseUrl: 'http://127.0.0.1:9/v1' },
    });
    const now = t.clock.now();
    const db = new Database(join(t.dataDir, DATABASE_FILE));
    const probe = db.prepare(
      `INSERT INTO provider_health (config_id, provider_name, kind, at, ok, latency_ms, failure, state)
       VALUES (?, 'local', 'probe', ?, ?, 5, ?, ?)`,
    );
    const change = db.prepare(
      `INSERT INTO provider_health (config_id, provider_name, kind, at, state, previous_state, reason)
       VALUES (?, 'local', 'change', ?, ?, ?, 'test')`,
    );
    // 60 and 45 days ago: healthy, then down; 19 probes in between, and the last probe (40 days ago) failed.
    change.run(config.id, now - 60 * DAY_MS, 'healthy', 'unknown');
    for (let d = 59; d >= 41; d--) probe.run(config.id, now - d * DAY_MS, 1, null, 'healthy');
    change.run(config.id, now - 45 * DAY_MS, 'down', 'healthy');
    probe.run(config.id, now - 40 * DAY_MS, 0, 'offline', 'down');
    db.close();

    const settings = { usageEventsDays: 30, documentVersionsKeep: null, auditDays: null };
    const estimate = await call('retention:estimate', settings);
    // 21 rows older than 30 days, less the latest probe and the latest change.
    expect(estimate.providerHealth.rows).toBe(20);
    expect(estimate.usageEvents.rows).toBe(0);

    const { purge } = await call('retention:set', settings);
    expect(purge.providerHealth).toBe(20);
    const status = await call('retention:status', {});
    expect(status.lastPurge?.providerHealth).toBe(20);
    expect(status.estimate.providerHealth.rows).toBe(0);

    const [health] = await call('providers:health-status', { name: 'local' });
    expect(health).toMatchObject({ state: 'down', lastProbe: { ok: false, failure: 'offline' } });
    const history = await call('providers:health-history', { from: now - 7 * DAY_MS, to: now });
    expect(history.providers.find((p) => p.name === 'local')?.stateAtFrom).toBe('down');

    const [entry] = t.core.services.audit.list({ action: 'retention.purge' });
    expect(JSON.parse(entry?.after ?? 'null')).toMatchObject({ providerHealth: 20 });
  });
});
