import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_IDLE_MS } from '../../../src-main/admin/admin-service';
import { ADMIN_PASSWORD, adminSession, totpCode } from '../../helpers/admin';
import { testCore, type TestCore } from '../../helpers/core';

describe('admin account', () => {
  let t: TestCore;
  beforeEach(() => {
    t = testCore();
  });
  afterEach(() => t.cleanup());

  it('refuses a weak password at setup', async () => {
    const result = await t.core.dispatch('admin:setup', { password: 'password123' }, t.core.localSession('cli'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(result.ok || result.error.message).toMatch(/too weak/u);
  });

  it('sets up with a TOTP URI and 10 recovery codes, keeps the TOTP secret out of SQLite, and can only be set up once', async () => {
    const session = t.core.localSession('cli');
    const result = await t.core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, session);
    if (!result.ok) throw new Error(result.error.message);
    const data = result.data as { otpauthUri: string; secret: string; recoveryCodes: string[]; qrSvg: string };
    expect(data.otpauthUri).toMatch(/^otpauth:\/\/totp\/Aditus:.+secret=/u);
    expect(data.recoveryCodes).toHaveLength(10);
    expect(data.qrSvg).toContain('<svg');
    const dump = JSON.stringify(t.core.store.sqlite.prepare('SELECT * FROM admin_account').all());
    expect(dump).not.toContain(data.secret);
    const codes = JSON.stringify(t.core.store.sqlite.prepare('SELECT * FROM recovery_codes').all());
    for (const code of data.recoveryCodes) expect(codes).not.toContain(code);
    expect(await t.core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, session)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('unlocks with password + TOTP, refuses a replayed code, and expires after 15 minutes idle', async () => {
    const { session, secret } = await adminSession(t);
    expect(session.adminToken).toBeTruthy();
    expect(await t.core.services.roles.roleOf(session)).toBe('admin');

    // The same code again, from another session: refused (replay).
    const other = t.core.localSession('web');
    const replay = await t.core.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: totpCode(secret, t.clock.now()) },
      other,
    );
    expect(replay).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // Activity keeps the session alive; 15 idle minutes end it.
    t.clock.advance(ADMIN_IDLE_MS - 1000);
    expect(await t.core.services.roles.roleOf(session)).toBe('admin');
    t.clock.advance(ADMIN_IDLE_MS + 1);
    expect(await t.core.services.roles.roleOf(session)).toBe('recruiter');
  });

  it('locks unlock after 5 failures with growing delays, and logs them', async () => {
    const { secret } = await adminSession(t);
    const session = t.core.localSession('web');
    const fail = () => t.core.dispatch('admin:unlock', { password: 'wrong-password-1', code: '000000' }, session);
    for (let i = 0; i < 4; i++) expect(await fail()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const fifth = await fail();
    expect(fifth.ok || fifth.error.message).toMatch(/locked for 30 seconds/u);
    t.clock.advance(31_000);
    const sixth = await fail();
    expect(sixth.ok || sixth.error.message).toMatch(/locked for 60 seconds/u);
    // Even the right password and code are refused while locked.
    t.clock.advance(10_000);
    const good = () =>
      t.core.dispatch('admin:unlock', { password: ADMIN_PASSWORD, code: totpCode(secret, t.clock.now()) }, session);
    expect(await good()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    t.clock.advance(60_000);
    expect(await good()).toMatchObject({ ok: true, data: { unlocked: true } });
    const actions = t.core.services.audit.list({}).map((r) => r.action);
    expect(actions.filter((a) => a === 'admin.login_failed')).toHaveLength(6);
    expect(actions).toContain('admin.lockout');
  });

  it('accepts a recovery code once', async () => {
    const { recoveryCodes } = await adminSession(t);
    const code = recoveryCodes[3]!;
    expect(
      await t.core.dispatch('admin:unlock', { password: ADMIN_PASSWORD, code }, t.core.localSession('web')),
    ).toMatchObject({ ok: true });
    expect(
      await t.core.dispatch('admin:unlock', { password: ADMIN_PASSWORD, code }, t.core.localSession('web')),
    ).toMatchObject({ ok: false });
  });

  it('lock ends the session at once', async () => {
    const { session } = await adminSession(t);
    await t.core.dispatch('admin:lock', {}, session);
    expect(await t.core.services.roles.roleOf(session)).toBe('recruiter');
  });

  it('changes the password: the old one stops working', async () => {
    const { session, secret } = await adminSession(t);
    const next = 'Another-Strong-Pass-77';
    expect(
      await t.core.dispatch('admin:change-password', { currentPassword: ADMIN_PASSWORD, newPassword: next }, session),
    ).toMatchObject({ ok: true });
    t.clock.advance(30_000);
    const unlock = (password: string) =>
      t.core.dispatch('admin:unlock', { password, code: totpCode(secret, t.clock.now()) }, t.core.localSession('web'));
    expect((await unlock(ADMIN_PASSWORD)).ok).toBe(false);
    t.clock.advance(30_000);
    expect((await unlock(next)).ok).toBe(true);
  });
});

describe('two data folders on one keychain', () => {
  it('each keeps its own TOTP secret', async () => {
    const { MemorySecretStore } = await import('../../../src-main/secrets/memory-store');
    const shared = new MemorySecretStore();
    const a = testCore({ secrets: shared });
    const b = testCore({ secrets: shared });
    try {
      const first = await adminSession(a);
      const second = await adminSession(b);
      expect(first.secret).not.toBe(second.secret);
      a.clock.advance(30_000);
      const again = await a.core.dispatch(
        'admin:unlock',
        { password: ADMIN_PASSWORD, code: totpCode(first.secret, a.clock.now()) },
        a.core.localSession('web'),
      );
      expect(again).toMatchObject({ ok: true });
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});

describe('admin status display', () => {
  it('reading admin:status does not keep an idle admin session alive', async () => {
    const t = testCore();
    try {
      const { session } = await adminSession(t);
      for (let i = 0; i < 16; i++) {
        t.clock.advance(60_000);
        await t.core.dispatch('admin:status', {}, session);
      }
      expect(await t.core.services.roles.roleOf(session)).toBe('recruiter');
    } finally {
      t.cleanup();
    }
  });
});
