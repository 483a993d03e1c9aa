import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@contract';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { AppError } from '../errors';
import type { RoleResolver, Session } from '../session';
import type { SecretStore } from '../secrets/secret-store';
import type { AuditLog } from '../audit/audit-log';
import { AdminRepo, type AdminAccountRow } from './admin-repo';
import { actorOf, type Enrolment } from './enrolment';
import { FirstRunSetup } from './first-run-setup';
import { lockoutDelayMs } from './lockout';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { verifyTotp } from './totp';
import { TotpReenrolment } from './totp-reenrolment';
import { openTotpSecret, sealTotpSecret } from './totp-secret-box';

export { actorOf, type Enrolment } from './enrolment';

export const ADMIN_IDLE_MS = 15 * 60_000;
const TOUCH_EVERY_MS = 5_000;
const ADMIN_MAX_MS = 8 * 60 * 60_000;
/** The CLI keeps its admin token in the keychain, readable by every process of the user: short unless `--remember`. */
export const CLI_SESSION_MS = 15 * 60_000;

export interface AdminStatus {
  configured: boolean;
  /** When a first-run setup was started and not finished (no account yet), else null. */
  pendingSetupSince: number | null;
  unlocked: boolean;
  expiresAt: number | null;
  lockedUntil: number | null;
  /** Unused recovery codes, shown to an unlocked admin only (null otherwise). */
  recoveryCodesLeft: number | null;
}

export interface UnlockResult extends AdminStatus {
  /** This unlock used up a recovery code (`recoveryCodesLeft` says how many remain). */
  usedRecoveryCode: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const REUSED_RECOVERY_CODE =
  'This recovery code was already used: each works once. Use another one or a code from your authenticator app.';

/** The local admin account: password + TOTP unlock, recovery codes, lockout, idle-expiring sessions. */
export class AdminService implements RoleResolver {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.repo = new AdminRepo(store.sqlite);
    this.firstRun = new FirstRunSetup(store.sqlite, this.repo, secrets, clock, audit);
    this.reenrolment = new TotpReenrolment(store.sqlite, this.repo, secrets, clock, audit);
  }

  private readonly repo: AdminRepo;
  private readonly firstRun: FirstRunSetup;
  private readonly reenrolment: TotpReenrolment;
  private readonly touched = new Map<string, number>();

  isConfigured(): boolean {
    return this.repo.account() !== undefined;
  }

  /** First-run setup, step 1: a pending enrolment (nothing is an account until `unlock` confirms a code). */
  setup(password: string, session: Session, options: { restart?: boolean } = {}): Promise<Enrolment> {
    return this.firstRun.start(password, session, options);
  }

  /** The unfinished setup's enrolment again, for the password it was started with. */
  resumeSetup(password: string, session: Session): Promise<Enrolment> {
    return this.firstRun.resume(password, session);
  }

  /** A new session token and the insert that opens it (run inside the caller's transaction). */
  private newSession(session: Session, now: number, remember: boolean) {
    const token = randomBytes(32).toString('base64url');
    const maxMs = session.host === 'cli' && !remember ? CLI_SESSION_MS : ADMIN_MAX_MS;
    return { token, insert: () => this.repo.insertSession(sha256(token), session.host, now, now + maxMs) };
  }

  /**
   * Counts the attempt before any slow check (in one immediate transaction, so concurrent attempts from
   * every process are all counted) and refuses it while unlock is locked. Reaching the threshold locks at
   * once; a successful attempt clears both.
   */
  private reserveAttempt(now: number): { account: AdminAccountRow; failedAttempts: number; delay: number } {
    const reserved = immediate(this.store.sqlite, () => {
      const account = this.repo.account();
      if (!account) return undefined;
      const counted = this.repo.countAttempt(now);
      const failedAttempts = counted?.failedAttempts ?? account.failedAttempts + 1;
      if (account.lockedUntil !== null && account.lockedUntil > now)
        return { account, failedAttempts, delay: 0, lockedUntil: account.lockedUntil };
      const delay = lockoutDelayMs(failedAttempts);
      if (delay) this.repo.setLockedUntil(now + delay);
      return { account, failedAttempts, delay, lockedUntil: null };
    });
    if (!reserved) throw new AppError('not_found', 'No admin account yet: set one up first (`aditus admin init`).');
    if (reserved.lockedUntil !== null) {
      const seconds = Math.ceil((reserved.lockedUntil - now) / 1000);
      throw new AppError('forbidden', `Too many failed attempts: admin unlock is locked for ${seconds} more seconds.`, {
        lockedUntil: reserved.lockedUntil,
      });
    }
    return reserved;
  }

  private failAttempt(actor: string, attempt: { failedAttempts: number; delay: number }, message: string): never {
    this.audit.append({
      actor,
      action: 'admin.login_failed',
      target: 'admin',
      after: { failedAttempts: attempt.failedAttempts },
    });
    if (attempt.delay)
      this.audit.append({ actor, action: 'admin.lockout', target: 'admin', after: { lockedForMs: attempt.delay } });
    throw new AppError(
      'unauthenticated',
      attempt.delay ? `${message} Admin unlock is now locked for ${Math.ceil(attempt.delay / 1000)} seconds.` : message,
    );
  }

  /** The decrypted TOTP secret (only in memory, only while needed). */
  private async totpSecret(account: AdminAccountRow, password: string): Promise<{ secret: string; legacy: boolean }> {
    const stored = await this.secrets.get(account.totpSecretRef);
    if (!stored) throw new AppError('keychain_unavailable', 'The TOTP secret is missing from the OS keychain.');
    const opened = await openTotpSecret(stored, password, account.totpSecretRef);
    if (!opened) throw new AppError('internal', 'The TOTP secret in the OS keychain could not be decrypted.');
    return opened;
  }

  /**
   * Password + (TOTP code or a recovery code) → a new admin session token, stored on the session. While a
   * first-run setup is pending, the first code from its new authenticator finishes it (and unlocks).
   */
  async unlock(
    password: string,
    code: string,
    session: Session,
    options: { remember?: boolean } = {},
  ): Promise<UnlockResult> {
    if (this.firstRun.pendingSince() !== null) {
      const opened = this.newSession(session, this.clock.now(), options.remember === true);
      await this.firstRun.confirm(password, code, session, opened.insert);
      session.adminToken = opened.token;
      return { ...this.status(session), usedRecoveryCode: false };
    }
    const now = this.clock.now();
    const attempt = this.reserveAttempt(now);
    const { account } = attempt;
    const actor = actorOf(session);
    const passwordOk = await verifyPassword(password, account.passwordHash);
    let secondFactor: { ok: boolean; step?: number; recoveryHash?: string } = { ok: false };
    let reusedRecoveryCode = false;
    let legacySecret: string | null = null;
    if (passwordOk) {
      if (looksLikeRecoveryCode(code)) {
        const hash = hashRecoveryCode(code);
        const stored = this.repo.recoveryCode(hash);
        reusedRecoveryCode = stored !== undefined && stored.usedAt !== null;
        secondFactor = { ok: stored !== undefined && stored.usedAt === null, recoveryHash: hash };
      } else {
        const { secret, legacy } = await this.totpSecret(account, password);
        if (legacy) legacySecret = secret;
        secondFactor = await verifyTotp(secret, code.trim(), now, account.lastTotpStep);
      }
    }
    const opened = this.newSession(session, now, options.remember === true);
    // The TOTP step and the recovery code are consumed by compare-and-set: of concurrent attempts with the
    // same code (in any process) exactly one opens a session.
    const accepted =
      passwordOk &&
      secondFactor.ok &&
      immediate(this.store.sqlite, () => {
        const consumed = secondFactor.recoveryHash
          ? this.repo.useRecoveryCode(secondFactor.recoveryHash, now)
          : this.repo.claimTotpStep(secondFactor.step ?? Number.MAX_SAFE_INTEGER);
        if (!consumed) return false;
        this.repo.clearFailures(now);
        opened.insert();
        return true;
      });
    // A recovery code that lost the race to a concurrent attempt was used by that one.
    if (!accepted && passwordOk && secondFactor.ok && secondFactor.recoveryHash) reusedRecoveryCode = true;
    if (!accepted)
      this.failAttempt(actor, attempt, reusedRecoveryCode ? REUSED_RECOVERY_CODE : 'Wrong password or code.');
    if (legacySecret !== null) await this.resealLegacySecret(account, legacySecret, password);
    const usedRecoveryCode = secondFactor.recoveryHash !== undefined;
    this.audit.append({
      actor,
      action: usedRecoveryCode ? 'admin.login_recovery_code' : 'admin.login',
      target: 'admin',
      ...(usedRecoveryCode ? { after: { recoveryCodesLeft: this.repo.recoveryCodesLeft() } } : {}),
    });
    session.adminToken = opened.token;
    return { ...this.status(session), usedRecoveryCode };
  }

  /**
   * A TOTP secret stored in plaintext before encryption existed is encrypted at the next unlock; if the
   * keychain refuses the write, the unlock still stands and the next one tries again.
   */
  private async resealLegacySecret(account: AdminAccountRow, secret: string, password: string): Promise<void> {
    const sealed = await sealTotpSecret(secret, password, account.totpSecretRef);
    await this.secrets.set(account.totpSecretRef, sealed).catch(() => undefined);
  }

  lock(session: Session): AdminStatus {
    if (session.adminToken) {
      this.reenrolment.forget(session);
      this.repo.revokeSession(sha256(session.adminToken), this.clock.now());
      this.audit.append({ actor: actorOf(session), action: 'admin.lock', target: 'admin' });
    }
    session.adminToken = null;
    return this.status(session);
  }

  /** Session expiry without touching it (status display). */
  private sessionExpiry(token: string | null): number | null {
    if (!token) return null;
    const row = this.repo.session(sha256(token));
    if (!row || row.revokedAt !== null) return null;
    const expiry = Math.min(row.lastSeen + ADMIN_IDLE_MS, row.expiresAt);
    return expiry > this.clock.now() ? expiry : null;
  }

  status(session: Session): AdminStatus {
    const account = this.repo.account();
    const expiresAt = this.sessionExpiry(session.adminToken);
    const now = this.clock.now();
    return {
      configured: account !== undefined,
      pendingSetupSince: this.firstRun.pendingSince(),
      unlocked: expiresAt !== null,
      expiresAt,
      lockedUntil: account?.lockedUntil && account.lockedUntil > now ? account.lockedUntil : null,
      recoveryCodesLeft: expiresAt !== null ? this.repo.recoveryCodesLeft() : null,
    };
  }

  /** Every dispatch asks this: a valid, unexpired admin session is admin (and its idle timer restarts). */
  async roleOf(session: Session, options: { touch?: boolean } = {}): Promise<Role> {
    if (!session.adminToken) return 'recruiter';
    if (this.sessionExpiry(session.adminToken) === null) {
      session.adminToken = null;
      return 'recruiter';
    }
    // Restarting the idle timer is a write; once every few seconds is precise enough for a 15-minute timeout.
    const now = this.clock.now();
    const hash = sha256(session.adminToken);
    if (options.touch !== false && now - (this.touched.get(hash) ?? 0) >= TOUCH_EVERY_MS) {
      this.touched.set(hash, now);
      this.repo.touchSession(hash, now);
    }
    return 'admin';
  }

  /** Checks the current password as a counted attempt (the same lockout as unlock). */
  private async checkPassword(password: string, session: Session, wrong: string): Promise<AdminAccountRow> {
    const now = this.clock.now();
    const attempt = this.reserveAttempt(now);
    if (!(await verifyPassword(password, attempt.account.passwordHash)))
      this.failAttempt(actorOf(session), attempt, wrong);
    this.repo.clearFailures(now);
    return attempt.account;
  }

  /** Re-encrypts the TOTP secret under the new password and ends every other admin session. */
  async changePassword(current: string, next: string, session: Session): Promise<void> {
    checkPasswordStrength(next);
    const account = await this.checkPassword(current, session, 'The current password is wrong.');
    const previous = await this.secrets.get(account.totpSecretRef);
    const { secret } = await this.totpSecret(account, current);
    const hash = await hashPassword(next);
    await this.secrets.set(account.totpSecretRef, await sealTotpSecret(secret, next, account.totpSecretRef));
    const now = this.clock.now();
    try {
      immediate(this.store.sqlite, () => {
        // A re-enrolment confirmed meanwhile moved the secret to another entry, still sealed under `current`.
        if (this.repo.account()?.totpSecretRef !== account.totpSecretRef)
          throw new AppError('conflict', 'The authenticator was re-enrolled meanwhile: change the password again.');
        this.repo.setPasswordHash(hash, now);
        this.repo.revokeOtherSessions(session.adminToken ? sha256(session.adminToken) : null, now);
      });
    } catch (err) {
      if (previous !== null) await this.secrets.set(account.totpSecretRef, previous).catch(() => undefined);
      throw err;
    }
    this.audit.append({ actor: actorOf(session), action: 'admin.password_changed', target: 'admin' });
  }

  /** Re-enrolment, step 1: a new secret and codes; the old ones stay active until `confirmReenrolment`. */
  async reenrolTotp(password: string, session: Session): Promise<Enrolment> {
    const account = await this.checkPassword(password, session, 'The password is wrong.');
    return this.reenrolment.begin(account, password, session);
  }

  /** Re-enrolment, step 2: a code from the NEW secret switches to it and to the new recovery codes. */
  confirmReenrolment(code: string, session: Session): Promise<void> {
    return this.reenrolment.confirm(code, session);
  }
}
