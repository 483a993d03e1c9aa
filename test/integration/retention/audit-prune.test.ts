import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RetentionSettings } from '@contract';
import { DAY_MS } from '../../../src-main/settings/retention-service';
import { testCore, type TestCore } from '../../helpers/core';

const KEEP_ALL: RetentionSettings = { usageEventsDays: null, documentVersionsKeep: null, auditDays: null };
const purgeOpts = { allowVacuum: false };

describe('retention of the audit log: a checkpointed prefix that verify still accepts', () => {
  let t: TestCore;
  let t0: number;
  const audit = () => t.core.services.audit;
  const sqlite = () => t.core.store.sqlite;
  const append = (n: number, action: string) => {
    for (let i = 0; i < n; i++) audit().append({ actor: 'ana@cli', action, target: `x${i}`, after: { i } });
  };
  const ids = () => sqlite().prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];

  beforeEach(async () => {
    t = testCore();
    await t.core.start();
    t0 = t.clock.now();
    append(4, 'provider.update'); // written at t0: older than 10 days once the clock is at t0 + 1 ms + 10 days
    t.clock.set(t0 + 1);
    append(2, 'prices.set'); // exactly 10 days old then: kept
    t.clock.set(t0 + 1 + 10 * DAY_MS);
    await audit().settled();
  });
  afterEach(() => t.cleanup());

  it('prunes the rows older than N days (one exactly N days old stays), checkpoints them, and verify accepts the rest', async () => {
    const old = sqlite()
      .prepare('SELECT count(*) FROM audit_log WHERE at < ?')
      .pluck()
      .get(t0 + 1) as number;
    expect(old).toBeGreaterThanOrEqual(4);
    expect(t.core.services.retention.estimate({ ...KEEP_ALL, auditDays: 10 }).auditEntries.rows).toBe(old);

    const { purge } = await t.core.services.retention.set({ ...KEEP_ALL, auditDays: 10 }, 'ana@cli', purgeOpts);
    expect(purge.auditEntries).toBe(old);
    expect(purge.auditBlocked).toBeNull();
    expect(ids()[0]).toBe(old + 1);
    expect(audit().list({ action: 'prices.set' })).toHaveLength(2);
    const checkpoint = sqlite()
      .prepare('SELECT through_id AS throughId, pruned_rows AS pruned FROM audit_checkpoints')
      .get();
    expect(checkpoint).toEqual({ throughId: old, pruned: old });
    // The purge's own entry: counts only.
    const [entry] = audit().list({ action: 'retention.purge' });
    expect(JSON.parse(entry?.after ?? 'null')).toEqual({
      usageEvents: 0,
      providerHealth: 0,
      documentVersions: 0,
      auditEntries: old,
    });

    const verified = await audit().verify();
    expect(verified.ok, verified.message).toBe(true);
    expect(verified.message).toContain(`rows 1–${old} pruned`);
    append(3, 'admin.login');
    await audit().settled();
    expect((await audit().verify()).ok).toBe(true);

    // A later purge moves the checkpoint on; verify still starts from the newest one.
    t.clock.advance(30 * DAY_MS);
    append(1, 'admin.login');
    const second = await t.core.services.retention.purge('ana@cli', purgeOpts);
    expect(second.auditEntries).toBeGreaterThan(0);
    expect(sqlite().prepare('SELECT count(*) FROM audit_checkpoints').pluck().get()).toBe(2);
    const again = await audit().verify();
    expect(again.ok, again.message).toBe(true);
    // The newest row always stays: the chain goes on from it.
    expect(ids().length).toBeGreaterThanOrEqual(1);
  });

  it('detects tampering with the rows kept and with the checkpoint', async () => {
    await t.core.services.retention.set({ ...KEEP_ALL, auditDays: 10 }, 'ana@cli', purgeOpts);
    await audit().settled();
    expect((await audit().verify()).ok).toBe(true);
    const first = ids()[0]!;

    const actor = sqlite().prepare('SELECT actor FROM audit_log WHERE id = ?').pluck().get(first) as string;
    sqlite().prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = ?").run(first);
    const edited = await audit().verify();
    expect(edited.ok).toBe(false);
    expect(edited.firstBadId).toBe(first);
    sqlite().prepare('UPDATE audit_log SET actor = ? WHERE id = ?').run(actor, first);
    expect((await audit().verify()).ok).toBe(true);

    // Moving the checkpoint on (to hide one more row) without the key: refused.
    const cp = sqlite().prepare('SELECT * FROM audit_checkpoints').get() as Record<string, unknown>;
    const row = sqlite().prepare('SELECT hash FROM audit_log WHERE id = ?').get(first) as { hash: string };
    sqlite().prepare('DELETE FROM audit_log WHERE id = ?').run(first);
    sqlite().prepare('UPDATE audit_checkpoints SET through_id = ?, hash = ?').run(first, row.hash);
    const moved = await audit().verify();
    expect(moved.ok).toBe(false);
    expect(moved.message).toMatch(/checkpoint .*modified or forged/u);

    // Dropping the checkpoint: the log then starts at a missing row 1.
    sqlite().prepare('DELETE FROM audit_checkpoints').run();
    const dropped = await audit().verify();
    expect(dropped.ok).toBe(false);
    expect(dropped.message).toMatch(/Row 1 is missing/u);
    expect(cp['mac']).toEqual(expect.any(String));
  });

  it('never prunes a log that does not verify', async () => {
    const first = ids()[0]!;
    sqlite()
      .prepare("UPDATE audit_log SET target = 'rewritten' WHERE id = ?")
      .run(first + 1);
    const { purge } = await t.core.services.retention.set({ ...KEEP_ALL, auditDays: 10 }, 'ana@cli', purgeOpts);
    expect(purge.auditEntries).toBe(0);
    expect(purge.auditBlocked).toMatch(/does not verify/u);
    expect(ids()[0]).toBe(first);
    expect(sqlite().prepare('SELECT count(*) FROM audit_checkpoints').pluck().get()).toBe(0);
  });
});
