import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditIdentity } from '../../../src-main/audit/audit-log';
import { GENESIS, legacyRowHash, type ChainedFields } from '../../../src-main/audit/audit-chain';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import { testCore, type TestCore } from '../../helpers/core';

// Tampering with the database alone (no key) against the real OS keychain: run with scripts/with-keyring.sh.
describe('audit log against an attacker with only the database file', () => {
  const keychain = new KeytarSecretStore();
  let t: TestCore;
  const audit = () => t.core.services.audit;
  const sqlite = () => t.core.store.sqlite;
  const fill = (n: number, action = 'provider.update') => {
    for (let i = 1; i <= n; i++) audit().append({ actor: 'ana@cli', action, target: `p${i}`, after: { i } });
  };
  const rows = () =>
    sqlite()
      .prepare('SELECT id, at, actor, action, target, before, after FROM audit_log ORDER BY id')
      .all() as ChainedFields[];
  /** What an attacker without the key can do: recompute the whole chain with SHA-256 and fix the settings head. */
  const rewriteWithSha = (keep: (r: ChainedFields) => boolean) => {
    const kept = rows().filter(keep);
    sqlite().prepare('DELETE FROM audit_log').run();
    let prev = GENESIS;
    kept.forEach((r, i) => {
      const row = { ...r, id: i + 1 };
      const hash = legacyRowHash(prev, row);
      sqlite()
        .prepare(
          'INSERT INTO audit_log (id, at, actor, action, target, before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)',
        )
        .run(row.id, row.at, row.actor, row.action, row.target, row.before, row.after, prev, hash);
      prev = hash;
    });
    setSettingsHead(kept.length, prev);
  };
  const setSettingsHead = (id: number, hash: string) =>
    sqlite()
      .prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('audit.head', ?, 0)")
      .run(JSON.stringify({ id, hash }));

  beforeEach(async () => {
    t = testCore({ secrets: keychain });
    await t.core.start();
    fill(4, 'admin.login');
    fill(4, 'provider.update');
    await audit().settled();
  });
  afterEach(async () => {
    const id = auditIdentity(t.core.store.path);
    t.cleanup();
    await keychain.delete(`audit-key:${id}`);
    await keychain.delete(`audit-head:${id}`);
  });

  it('verifies an untouched log, with rows chained under the key (not plain SHA-256)', async () => {
    expect(await audit().verify()).toMatchObject({ ok: true, rows: 8, firstBadId: null });
    const [first] = sqlite().prepare('SELECT * FROM audit_log WHERE id = 1').all() as (ChainedFields & {
      hash: string;
    })[];
    expect(first!.hash).not.toBe(legacyRowHash(GENESIS, first!));
  });

  it('reports the last rows cut with the settings head fixed up', async () => {
    sqlite().prepare('DELETE FROM audit_log WHERE id > 5').run();
    const last = sqlite().prepare('SELECT hash FROM audit_log WHERE id = 5').get() as { hash: string };
    setSettingsHead(5, last.hash);
    expect(await audit().verify()).toMatchObject({ ok: false, rows: 5, firstBadId: 6 });
  });

  it('reports a consistent SHA-256 rewrite without the provider rows, naming the first rewritten row', async () => {
    rewriteWithSha((r) => !r.action.startsWith('provider.'));
    expect(await audit().verify()).toMatchObject({ ok: false, firstBadId: 1 });
  });

  it('reports a wipe', async () => {
    sqlite().prepare('DELETE FROM audit_log').run();
    sqlite().prepare("DELETE FROM settings WHERE key = 'audit.head'").run();
    const result = await audit().verify();
    expect(result).toMatchObject({ ok: false, rows: 0, firstBadId: 1 });
    expect(result.message).toMatch(/wiped/u);
  });

  it('reports two swapped rows at the first of them', async () => {
    const cols = ['at', 'actor', 'action', 'target', 'before', 'after', 'prev_hash', 'hash'];
    const get = (id: number) =>
      sqlite()
        .prepare(`SELECT ${cols.join(', ')} FROM audit_log WHERE id = ?`)
        .raw()
        .get(id) as (string | number | null)[];
    const [a, b] = [get(3), get(6)];
    const set = sqlite().prepare(`UPDATE audit_log SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    set.run(...b, 3);
    set.run(...a, 6);
    expect(await audit().verify()).toMatchObject({ ok: false, firstBadId: 3 });
  });

  it('reports a modified row by id', async () => {
    sqlite().prepare(`UPDATE audit_log SET actor = 'mallory' WHERE id = 4`).run();
    expect(await audit().verify()).toMatchObject({ ok: false, firstBadId: 4 });
  });

  it('keeps reporting a cut log after later appends (a failed login does not heal it)', async () => {
    sqlite().prepare('DELETE FROM audit_log WHERE id > 6').run();
    audit().append({ actor: 'anyone@cli', action: 'admin.login_failed', target: 'admin' });
    expect(await audit().verify()).toMatchObject({ ok: false, firstBadId: 8 });
    fill(3);
    await audit().settled();
    const result = await audit().verify();
    expect(result).toMatchObject({ ok: false, firstBadId: 8 });
    expect(t.logs.join('\n')).toMatch(/not re-anchoring/u);
  });

  it('keeps each data folder apart: a second folder has its own key and head', async () => {
    const other = testCore({ secrets: keychain });
    try {
      await other.core.start();
      other.core.services.audit.append({ actor: 'bo@cli', action: 'admin.login', target: 'admin' });
      expect(await other.core.services.audit.verify()).toMatchObject({ ok: true, rows: 1 });
      expect(await audit().verify()).toMatchObject({ ok: true, rows: 8 });
    } finally {
      const id = auditIdentity(other.core.store.path);
      other.cleanup();
      await keychain.delete(`audit-key:${id}`);
      await keychain.delete(`audit-head:${id}`);
    }
  });

  it('accepts rows committed but not yet anchored (the crash window) and says so; the next append anchors', async () => {
    const id = auditIdentity(t.core.store.path);
    const before = await keychain.get(`audit-head:${id}`);
    fill(1);
    await audit().settled();
    await keychain.set(`audit-head:${id}`, before!); // as if the process died between the commit and the keychain
    const lagging = await audit().verify();
    expect(lagging).toMatchObject({ ok: true, rows: 9 });
    expect(lagging.message).toMatch(/not yet anchored/u);
    fill(1);
    await audit().settled();
    expect(await audit().verify()).toMatchObject({ ok: true, rows: 10, message: 'All 10 audit rows verify.' });
  });

  it('reports a head entry forged without the key', async () => {
    const id = auditIdentity(t.core.store.path);
    await keychain.set(`audit-head:${id}`, JSON.stringify({ head: { id: 5, count: 5 }, mac: 'f'.repeat(64) }));
    expect(await audit().verify()).toMatchObject({ ok: false });
  });
});
