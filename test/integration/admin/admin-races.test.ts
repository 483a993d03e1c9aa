import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_SESSION_MS } from '../../../src-main/admin/admin-service';
import { createCore, type Core } from '../../../src-main/core';
import { ADMIN_PASSWORD, adminSession, totpCode } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';

const account = (core: Core) =>
  core.store.sqlite
    .prepare('SELECT failed_attempts AS failed, locked_until AS lockedUntil FROM admin_account WHERE id = 1')
    .get() as { failed: number; lockedUntil: number | null };

describe('admin security counters under concurrency', () => {
  let t: TestCore;
  let second: Core | null = null;
  beforeEach(() => {
    t = testCore();
  });
  afterEach(() => {
    second?.close();
    second = null;
    t.cleanup();
  });

  it('counts all of 40 concurrent wrong unlocks and locks: only the first 5 reach the password check', async () => {
    await adminSession(t);
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        t.core.dispatch('admin:unlock', { password: 'wrong-password-1', code: '000000' }, t.core.localSession('web')),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'unauthenticated')).toHaveLength(5);
    expect(codes.filter((c) => c === 'forbidden')).toHaveLength(35);
    const row = account(t.core);
    expect(row.failed).toBe(40);
    expect(row.lockedUntil).toBeGreaterThan(t.clock.now());
    expect(t.core.services.audit.list({}).filter((r) => r.action === 'admin.login_failed')).toHaveLength(5);
  });

  it('opens exactly one session for one TOTP code sent four times at once through two cores on one data folder', async () => {
    const { secret } = await adminSession(t);
    second = createCore({ dataDir: t.dataDir, secrets: t.secrets, clock: t.clock, log: () => undefined });
    t.clock.advance(30_000);
    const code = totpCode(secret, t.clock.now());
    const cores = [t.core, second, t.core, second];
    const results = await Promise.all(
      cores.map((core) => core.dispatch('admin:unlock', { password: ADMIN_PASSWORD, code }, core.localSession('web'))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const sessions = t.core.store.sqlite.prepare('SELECT COUNT(*) AS n FROM admin_sessions').get() as { n: number };
    expect(sessions.n).toBe(2); // adminSession's own + the one winner
  });

  it('a password change revokes the other sessions (not the caller) and counts wrong current passwords', async () => {
    const { session, secret } = await adminSession(t);
    t.clock.advance(30_000);
    const other = t.core.localSession('web');
    const unlock = await t.core.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: totpCode(secret, t.clock.now()) },
      other,
    );
    expect(unlock.ok).toBe(true);

    const wrong = () =>
      t.core.dispatch(
        'admin:change-password',
        { currentPassword: 'not-the-password-9', newPassword: 'Another-Strong-Pass-77' },
        session,
      );
    for (let i = 0; i < 3; i++) expect(await wrong()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(account(t.core).failed).toBe(3);

    const changed = await t.core.dispatch(
      'admin:change-password',
      { currentPassword: ADMIN_PASSWORD, newPassword: 'Another-Strong-Pass-77' },
      session,
    );
    expect(changed).toMatchObject({ ok: true });
    expect(account(t.core).failed).toBe(0);
    expect(await t.core.services.roles.roleOf(session)).toBe('admin');
    expect(await t.core.services.roles.roleOf(other)).toBe('recruiter');

    // The TOTP secret was re-encrypted: the new password + a fresh code unlock.
    t.clock.advance(30_000);
    const again = await t.core.dispatch(
      'admin:unlock',
      { password: 'Another-Strong-Pass-77', code: totpCode(secret, t.clock.now()) },
      t.core.localSession('web'),
    );
    expect(again).toMatchObject({ ok: true, data: { unlocked: true } });
  });

  it('keeps the TOTP secret in the keychain only encrypted, and encrypts a plaintext one at the next unlock', async () => {
    const { secret } = await adminSession(t);
    const [ref, raw] = [...t.secrets.values].find(([k]) => k.startsWith('admin-totp:')) ?? ['', ''];
    expect(raw).not.toContain(secret);
    expect(Buffer.from(raw, 'base64').toString('latin1')).not.toContain(secret);

    // A secret stored in plaintext by an older version: unlock still works and leaves it encrypted.
    t.secrets.values.set(ref, secret);
    t.clock.advance(30_000);
    const unlock = await t.core.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: totpCode(secret, t.clock.now()) },
      t.core.localSession('web'),
    );
    expect(unlock.ok).toBe(true);
    expect(t.secrets.values.get(ref)).not.toContain(secret);
    expect(t.secrets.values.get(ref)).toMatch(/^totp1\$/u);
  });

  it('a CLI unlock lasts 15 minutes even when active, unless remembered', async () => {
    const { secret } = await adminSession(t);
    const unlockCli = async (remember: boolean) => {
      t.clock.advance(30_000);
      const session = t.core.localSession('cli');
      const r = await t.core.dispatch(
        'admin:unlock',
        { password: ADMIN_PASSWORD, code: totpCode(secret, t.clock.now()), ...(remember ? { remember } : {}) },
        session,
      );
      if (!r.ok) throw new Error(r.error.message);
      return session;
    };
    const short = await unlockCli(false);
    const remembered = await unlockCli(true);
    t.clock.advance(CLI_SESSION_MS - 60_000);
    expect(await t.core.services.roles.roleOf(short)).toBe('admin');
    expect(await t.core.services.roles.roleOf(remembered)).toBe('admin');
    t.clock.advance(2 * 60_000);
    expect(await t.core.services.roles.roleOf(short)).toBe('recruiter');
    expect(await t.core.services.roles.roleOf(remembered)).toBe('admin');
  });
});
