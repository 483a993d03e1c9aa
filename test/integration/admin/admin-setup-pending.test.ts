import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core';
import { FakeClock } from '../../../src-main/clock';
import { KeytarSecretStore } from '../../../src-main/secrets/keytar-store';
import type { Session } from '../../../src-main/session';
import { ADMIN_PASSWORD, totpCode } from '../../helpers/admin';
import { tempDir } from '../../helpers/temp';

/** The real keychain, noting every entry these cores write so the test removes exactly those. */
class RecordingKeychain extends KeytarSecretStore {
  readonly written = new Set<string>();
  override async set(account: string, secret: string): Promise<void> {
    this.written.add(account);
    await super.set(account, secret);
  }
}

interface EnrolmentData {
  secret: string;
  recoveryCodes: string[];
  otpauthUri: string;
}

// The real OS keychain (run under scripts/with-keyring.sh) and a fake clock; a "restart" is a new core on the
// same data folder, as reopening the app would be. Each test runs several OWASP-cost scrypt derivations.
describe('first-run setup that cannot lock anyone out', { timeout: 120_000 }, () => {
  let data: ReturnType<typeof tempDir>;
  let keychain: RecordingKeychain;
  let clock: FakeClock;
  const cores: Core[] = [];
  const open = () => {
    const core = createCore({ dataDir: data.dir, secrets: keychain, clock, log: () => undefined });
    cores.push(core);
    return core;
  };
  const ok = <T>(r: { ok: true; data: unknown } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.data as T;
  };
  const entry = async (ref: string) => keychain.get(ref);

  beforeEach(() => {
    data = tempDir();
    keychain = new RecordingKeychain();
    clock = new FakeClock();
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) core.close();
    for (const ref of keychain.written) await keychain.delete(ref);
    data.cleanup();
  });

  it('stores no account until a code from the new authenticator is confirmed; the wizard resumes after a restart', async () => {
    const first = open();
    const setup = ok<EnrolmentData>(
      await first.dispatch('admin:setup', { password: ADMIN_PASSWORD }, first.localSession('web')),
    );
    expect(first.store.sqlite.prepare('SELECT count(*) AS n FROM admin_account').get()).toEqual({ n: 0 });
    expect(first.store.sqlite.prepare('SELECT count(*) AS n FROM recovery_codes').get()).toEqual({ n: 0 });
    first.close();

    // The window was closed before the last step: the app opens again on the same data folder.
    const again = open();
    const recruiter = again.localSession('web');
    const status = ok<{ configured: boolean; pendingSetupSince: number | null }>(
      await again.dispatch('admin:status', {}, recruiter),
    );
    expect(status).toMatchObject({ configured: false, pendingSetupSince: clock.now() });
    expect(JSON.stringify(status)).not.toContain(setup.secret);

    // Only the password the setup was started with shows the secret and codes again.
    const wrong = await again.dispatch('admin:setup-resume', { password: 'Some-Other-Password-9' }, recruiter);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(JSON.stringify(wrong)).not.toContain(setup.secret);
    const resumed = ok<EnrolmentData>(
      await again.dispatch('admin:setup-resume', { password: ADMIN_PASSWORD }, recruiter),
    );
    expect(resumed.secret).toBe(setup.secret);
    expect(resumed.recoveryCodes).toEqual(setup.recoveryCodes);

    // Step 4: a wrong code says exactly that, and still leaves no account.
    const session = again.localSession('web');
    const bad = await again.dispatch('admin:unlock', { password: ADMIN_PASSWORD, code: '000000' }, session);
    expect(bad.ok || bad.error.message).toMatch(/^Wrong code/u);
    expect(again.store.sqlite.prepare('SELECT count(*) AS n FROM admin_account').get()).toEqual({ n: 0 });

    const done = ok<{ configured: boolean; unlocked: boolean; recoveryCodesLeft: number }>(
      await again.dispatch(
        'admin:unlock',
        { password: ADMIN_PASSWORD, code: totpCode(setup.secret, clock.now()) },
        session,
      ),
    );
    expect(done).toMatchObject({ configured: true, unlocked: true, recoveryCodesLeft: 10 });
    expect(await again.services.roles.roleOf(session)).toBe('admin');
    // The code that finished the setup cannot be replayed, and the pending keychain entry is gone.
    const replay = await again.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: totpCode(setup.secret, clock.now()) },
      again.localSession('web'),
    );
    expect(replay).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const pendingRefs = [...keychain.written].filter((r) => r.startsWith('admin-totp-pending:'));
    expect(pendingRefs).toHaveLength(1);
    expect(await entry(pendingRefs[0] ?? '')).toBeNull();
    const actions = again.services.audit.list({}).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['admin.setup_started', 'admin.setup']));
  });

  it('keeps the pending secret sealed in the keychain and never in SQLite', async () => {
    const core = open();
    const setup = ok<EnrolmentData>(
      await core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, core.localSession('web')),
    );
    const dump = JSON.stringify(core.store.sqlite.prepare('SELECT * FROM settings').all());
    expect(dump).not.toContain(setup.secret);
    for (const code of setup.recoveryCodes) expect(dump).not.toContain(code);
    const [ref] = [...keychain.written].filter((r) => r.startsWith('admin-totp-pending:'));
    const raw = (await entry(ref ?? '')) ?? '';
    expect(raw).toMatch(/^totp1\$/u);
    expect(raw).not.toContain(setup.secret);
    expect(Buffer.from(raw, 'base64').toString('latin1')).not.toContain(setup.secret);
  });

  it('a pending setup can be started over (by anyone: it grants nothing); the old secret then finishes nothing', async () => {
    const core = open();
    const session = core.localSession('web');
    const first = ok<EnrolmentData>(await core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, session));
    const plain = await core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, session);
    expect(plain).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/in progress/u) },
    });
    const other = 'Another-Strong-Pass-77';
    const second = ok<EnrolmentData>(await core.dispatch('admin:setup', { password: other, restart: true }, session));
    expect(second.secret).not.toBe(first.secret);
    const firstRef = [...keychain.written].filter((r) => r.startsWith('admin-totp-pending:'))[0] ?? '';
    expect(await entry(firstRef)).toBeNull();

    const stale = await core.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: totpCode(first.secret, clock.now()) },
      session,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    ok(await core.dispatch('admin:unlock', { password: other, code: totpCode(second.secret, clock.now()) }, session));
    expect(core.services.audit.list({}).map((r) => r.action)).toContain('admin.setup_restarted');
    expect(await core.dispatch('admin:setup', { password: other, restart: true }, session)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already exists/u) },
    });
  });

  it('a recovery code does not finish a setup', async () => {
    const core = open();
    const session = core.localSession('web');
    const setup = ok<EnrolmentData>(await core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, session));
    const r = await core.dispatch(
      'admin:unlock',
      { password: ADMIN_PASSWORD, code: setup.recoveryCodes[0] ?? '' },
      session,
    );
    expect(r.ok || r.error.message).toMatch(/6-digit code your authenticator app shows/u);
    expect(core.services.admin.isConfigured()).toBe(false);
  });

  describe('with an account', () => {
    let core: Core;
    let session: Session;
    let enrolment: EnrolmentData;
    const unlock = (code: string) =>
      core.dispatch('admin:unlock', { password: ADMIN_PASSWORD, code }, core.localSession('web'));
    beforeEach(async () => {
      core = open();
      session = core.localSession('web');
      enrolment = ok<EnrolmentData>(await core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, session));
      ok(
        await core.dispatch(
          'admin:unlock',
          { password: ADMIN_PASSWORD, code: totpCode(enrolment.secret, clock.now()) },
          session,
        ),
      );
    }, 120_000);

    it('re-enrolment switches to the new secret only with a code from it; the old one works until then', async () => {
      const next = ok<EnrolmentData>(await core.dispatch('admin:reenrol-totp', { password: ADMIN_PASSWORD }, session));
      clock.advance(30_000);
      // Not confirmed yet: the old authenticator and the old recovery codes still unlock, the new ones do not.
      expect(await unlock(totpCode(next.secret, clock.now()))).toMatchObject({ ok: false });
      expect(await unlock(totpCode(enrolment.secret, clock.now()))).toMatchObject({ ok: true });
      expect(await unlock(enrolment.recoveryCodes[0] ?? '')).toMatchObject({ ok: true });

      clock.advance(30_000);
      const wrong = await core.dispatch(
        'admin:reenrol-totp-confirm',
        { code: totpCode(enrolment.secret, clock.now()) },
        session,
      );
      expect(wrong.ok || wrong.error.message).toMatch(/^Wrong code/u);
      ok(await core.dispatch('admin:reenrol-totp-confirm', { code: totpCode(next.secret, clock.now()) }, session));

      clock.advance(30_000);
      expect(await unlock(totpCode(enrolment.secret, clock.now()))).toMatchObject({ ok: false });
      expect(await unlock(enrolment.recoveryCodes[1] ?? '')).toMatchObject({ ok: false });
      expect(await unlock(totpCode(next.secret, clock.now()))).toMatchObject({ ok: true });
      expect(await unlock(next.recoveryCodes[0] ?? '')).toMatchObject({ ok: true });
      const actions = core.services.audit.list({}).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['admin.totp_reenrol_started', 'admin.totp_reenrolled']));
      // One keychain entry is left for the account: the one it uses.
      const ref = (
        core.store.sqlite.prepare('SELECT totp_secret_ref AS ref FROM admin_account').get() as { ref: string }
      ).ref;
      const live = [];
      for (const r of keychain.written) if (r.startsWith('admin-totp') && (await entry(r)) !== null) live.push(r);
      expect(live).toEqual([ref]);
    });

    it('an unconfirmed re-enrolment ends with the admin session', async () => {
      const next = ok<EnrolmentData>(await core.dispatch('admin:reenrol-totp', { password: ADMIN_PASSWORD }, session));
      ok(await core.dispatch('admin:lock', {}, session));
      ok(
        await core.dispatch(
          'admin:unlock',
          { password: ADMIN_PASSWORD, code: enrolment.recoveryCodes[0] ?? '' },
          session,
        ),
      );
      const late = await core.dispatch(
        'admin:reenrol-totp-confirm',
        { code: totpCode(next.secret, clock.now()) },
        session,
      );
      expect(late).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('a recovery code says how many are left, and a reused one says it was already used', async () => {
      const code = enrolment.recoveryCodes[2] ?? '';
      const first = ok<{ usedRecoveryCode: boolean; recoveryCodesLeft: number }>(await unlock(code));
      expect(first).toMatchObject({ usedRecoveryCode: true, recoveryCodesLeft: 9 });
      const again = await unlock(code);
      expect(again).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(again.ok || again.error.message).toMatch(/already used/u);
      // With a wrong password nothing is said about the code.
      const guess = await core.dispatch(
        'admin:unlock',
        { password: 'Wrong-Password-123', code },
        core.localSession('web'),
      );
      expect(guess.ok || guess.error.message).toBe('Wrong password or code.');
      expect(
        ok<{ recoveryCodesLeft: number }>(await core.dispatch('admin:status', {}, session)).recoveryCodesLeft,
      ).toBe(9);
      const totp = ok<{ usedRecoveryCode: boolean }>(await unlock(totpCode(enrolment.secret, clock.now() + 30_000)));
      expect(totp.usedRecoveryCode).toBe(false);
    });
  });
});
