import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS, legacyRowHash } from '../../../src-main/audit/audit-chain';
import { auditIdentity } from '../../../src-main/audit/audit-log';
import { testCore, type TestCore } from '../../helpers/core';

// Upgrade from the SHA-256 chain and a locked keychain, with the in-memory secret store.
describe('audit log upgrade and keychain faults', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  /** Rows and settings head exactly as the pre-keychain code wrote them. */
  const writeLegacy = (n: number, headId = n) => {
    const { sqlite } = t.core.store;
    let prev = GENESIS;
    const hashes: string[] = [];
    for (let id = 1; id <= n; id++) {
      const row = {
        id,
        at: 1000 + id,
        actor: 'ana@cli',
        action: 'price.set',
        target: `m${id}`,
        before: null,
        after: '{}',
      };
      const hash = legacyRowHash(prev, row);
      sqlite
        .prepare(
          'INSERT INTO audit_log (id, at, actor, action, target, before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)',
        )
        .run(id, row.at, row.actor, row.action, row.target, row.before, row.after, prev, hash);
      hashes.push(hash);
      prev = hash;
    }
    sqlite
      .prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('audit.head', ?, 0)")
      .run(JSON.stringify({ id: headId, hash: hashes[headId - 1] ?? GENESIS }));
  };

  it('anchors an intact legacy chain on first start: it verifies, new rows are keyed, and a later cut is caught', async () => {
    t = testCore();
    writeLegacy(5);
    await t.core.start();
    const audit = t.core.services.audit;
    expect(await audit.verify()).toMatchObject({ ok: true, rows: 5 });
    const identity = auditIdentity(t.core.store.path);
    expect(t.secrets.values.get(`audit-key:${identity}`)).toMatch(/^[A-Za-z0-9+/]{43}=$/u);
    audit.append({ actor: 'ana@cli', action: 'admin.login', target: 'admin' });
    await audit.settled();
    expect(await audit.verify()).toMatchObject({ ok: true, rows: 6 });
    t.core.store.sqlite.prepare('DELETE FROM audit_log WHERE id >= 5').run();
    expect(await audit.verify()).toMatchObject({ ok: false, firstBadId: 5 });
  });

  it('keeps reporting a legacy chain that was already broken before the upgrade', async () => {
    t = testCore();
    writeLegacy(5, 7);
    await t.core.start();
    expect(await t.core.services.audit.verify()).toMatchObject({ ok: false, firstBadId: 6 });
  });

  it('never writes the key or anything derived from it to the database or the log', async () => {
    t = testCore();
    await t.core.start();
    t.core.services.audit.append({ actor: 'ana@cli', action: 'admin.login', target: 'admin' });
    await t.core.services.audit.settled();
    const key = t.secrets.values.get(`audit-key:${auditIdentity(t.core.store.path)}`)!;
    const dump = JSON.stringify([
      t.core.store.sqlite.prepare('SELECT * FROM settings').all(),
      t.core.store.sqlite.prepare('SELECT * FROM audit_log').all(),
    ]);
    expect(dump).not.toContain(key);
    expect(t.logs.join('\n')).not.toContain(key);
  });

  it('with the keychain locked, the action is still audited; verify says so; the row is sealed once the key loads', async () => {
    t = testCore();
    await t.core.start();
    t.core.services.audit.append({ actor: 'ana@cli', action: 'admin.login', target: 'admin' });
    await t.core.services.audit.settled();
    t.secrets.locked = true;
    const fresh = testCore({ dataDir: t.dataDir, secrets: t.secrets, clock: t.clock });
    try {
      await fresh.core.start();
      // e.g. a failed login: its row is written even though the key cannot be read.
      expect(() =>
        fresh.core.services.audit.append({ actor: 'anyone@cli', action: 'admin.login_failed', target: 'admin' }),
      ).not.toThrow();
      expect(fresh.core.services.audit.list()).toHaveLength(2);
      const locked = await fresh.core.services.audit.verify();
      expect(locked).toMatchObject({ ok: false, firstBadId: null });
      expect(locked.message).toMatch(/keychain is unavailable/u);
      t.secrets.locked = false;
      expect(await fresh.core.services.audit.verify()).toMatchObject({ ok: true, rows: 2 });
    } finally {
      fresh.core.close();
    }
  });

  it('reports a row written without the key by a process that never got it', async () => {
    t = testCore();
    await t.core.start();
    t.core.services.audit.append({ actor: 'ana@cli', action: 'admin.login', target: 'admin' });
    await t.core.services.audit.settled();
    t.secrets.locked = true;
    const gone = testCore({ dataDir: t.dataDir, secrets: t.secrets, clock: t.clock });
    await gone.core.start();
    gone.core.services.audit.append({ actor: 'anyone@cli', action: 'admin.login_failed', target: 'admin' });
    gone.core.close(); // exits before the keychain came back
    t.secrets.locked = false;
    const later = testCore({ dataDir: t.dataDir, secrets: t.secrets, clock: t.clock });
    try {
      const result = await later.core.services.audit.verify();
      expect(result).toMatchObject({ ok: false, firstBadId: 2 });
      expect(result.message).toMatch(/not sealed with the audit key/u);
    } finally {
      later.core.close();
    }
  });

  it('seals rows appended before start-up loaded the key', async () => {
    t = testCore();
    await t.core.start();
    const early = testCore({ dataDir: t.dataDir, secrets: t.secrets, clock: t.clock });
    try {
      early.core.services.audit.append({ actor: 'ana@cli', action: 'settings.update', target: 'durability' });
      await early.core.start();
      expect(await early.core.services.audit.verify()).toMatchObject({ ok: true, rows: 1 });
    } finally {
      early.core.close();
    }
  });
});
