import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@contract';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { AppError } from '../errors';
import type { RoleResolver, Session } from '../session';
import type { SecretStore } from '../secrets/secret-store';
import type { AuditLog } from '../audit/audit-log';
import { AdminRepo, type AdminAccountRow } from './admin-repo';
import { lockoutDelayMs } from './lockout';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, totpUri, verifyTotp } from './totp';
import { openTotpSecret, sealTotpSecret } from './totp-secret-box';

export const ADMIN_IDLE_MS = 15 * 60_000;
const TOUCH_EVERY_MS = 5_000;
const ADMIN_MAX_MS = 8 * 60 * 60_000;
/** The CLI keeps its admin token in the keychain, readable by every process of the user: short unless `--remember`. */
export const CLI_SESSION_MS = 15 * 60_000;

export interface Enrolment {
  otpauthUri: string;
  secret: string;
  recoveryCodes: string[];
}

export interface AdminStatus {
  configured: boolean;
  unlocked: boolean;
  expiresAt: number | null;
  lockedUntil: number | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const alreadySetUp = () => new AppError('conflict', 'The admin account already exists.');

export const actorOf = (session: Session): string => `${session.userId}@${session.host}`;

/** The local admin account: password + TOTP unlock, recovery codes, lockout, idle-expiring sessions. */
export class AdminService implements RoleResolver {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.repo = new AdminRepo(store.sqlite);
  }

  private readonly repo: AdminRepo;
  private readonly touched = new Map<string, number>();

  isConfigured(): boolean {
    return this.repo.account() !== undefined;
  }

  async setup(password: string, session: Session): Promise<Enrolment> {
    if (this.isConfigured()) throw alreadySetUp();
    checkPasswordStrength(password);
    const passwordHash = await hashPassword(password);
    const secret = newTotpSecret();
    // One keychain entry per data folder: two Aditus databases never share (or overwrite) a TOTP secret.
    const totpRef = `admin-totp:${randomUUID()}`;
    const sealed = await sealTotpSecret(secret, password, totpRef);
    const codes = newRecoveryCodes();
    const now = this.clock.now();
    // Claim the account before touching the keychain: a concurrent setup (any process) loses here and
    // leaves no keychain entry behind.
    const claimed = immediate(this.store.sqlite, () => {
      if (this.repo.account()) return false;
      this.repo.createAccount(passwordHash, totpRef, now);
      this.repo.replaceRecoveryCodes(codes.map(hashRecoveryCode), now);
      return true;
    });
    if (!claimed) throw alreadySetUp();
    try {
      await this.secrets.set(totpRef, sealed);
    } catch (err) {
      immediate(this.store.sqlite, () => {
        this.repo.removeAccount();
        this.repo.replaceRecoveryCodes([], now);
      });
      await this.secrets.delete(totpRef).catch(() => false);
      throw err;
    }
    this.audit.append({ actor: actorOf(session), action: 'admin.setup', target: 'admin' });
    return { otpauthUri: totpUri(secret, `admin@${session.userId}`), secret, recoveryCodes: codes };
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

  /** Password + (TOTP code or a recovery code) → a new admin session token, stored on the session. */
  async unlock(
    password: string,
    code: string,
    session: Session,
    options: { remember?: boolean } = {},
  ): Promise<AdminStatus> {
    const now = this.clock.now();
    const attempt = this.reserveAttempt(now);
    const { account } = attempt;
    const actor = actorOf(session);
    const passwordOk = await verifyPassword(password, account.passwordHash);
    let secondFactor: { ok: boolean; step?: number; recoveryHash?: string } = { ok: false };
    let legacySecret: string | null = null;
    if (passwordOk) {
      if (looksLikeRecoveryCode(code)) {
        const hash = hashRecoveryCode(code);
        secondFactor = { ok: this.repo.hasUnusedRecoveryCode(hash), recoveryHash: hash };
      } else {
        const { secret, legacy } = await this.totpSecret(account, password);
        if (legacy) legacySecret = secret;
        secondFactor = verifyTotp(secret, code.trim(), now, account.lastTotpStep);
      }
    }
    const token = randomBytes(32).toString('base64url');
    const maxMs = session.host === 'cli' && !options.remember ? CLI_SESSION_MS : ADMIN_MAX_MS;
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
        this.repo.insertSession(sha256(token), session.host, now, now + maxMs);
        return true;
      });
    if (!accepted) this.failAttempt(actor, attempt, 'Wrong password or code.');
    if (legacySecret !== null) await this.resealLegacySecret(account, legacySecret, password);
    this.audit.append({
      actor,
      action: secondFactor.recoveryHash ? 'admin.login_recovery_code' : 'admin.login',
      target: 'admin',
    });
    session.adminToken = token;
    return this.status(session);
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
      unlocked: expiresAt !== null,
      expiresAt,
      lockedUntil: account?.lockedUntil && account.lockedUntil > now ? account.lockedUntil : null,
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
        this.repo.setPasswordHash(hash, now);
        this.repo.revokeOtherSessions(session.adminToken ? sha256(session.adminToken) : null, now);
      });
    } catch (err) {
      if (previous !== null) await this.secrets.set(account.totpSecretRef, previous).catch(() => undefined);
      throw err;
    }
    this.audit.append({ actor: actorOf(session), action: 'admin.password_changed', target: 'admin' });
  }

  async reenrolTotp(password: string, session: Session): Promise<Enrolment> {
    const account = await this.checkPassword(password, session, 'The password is wrong.');
    const secret = newTotpSecret();
    await this.secrets.set(account.totpSecretRef, await sealTotpSecret(secret, password, account.totpSecretRef));
    const codes = newRecoveryCodes();
    immediate(this.store.sqlite, () => {
      this.repo.resetLastTotpStep(this.clock.now());
      this.repo.replaceRecoveryCodes(codes.map(hashRecoveryCode), this.clock.now());
    });
    this.audit.append({ actor: actorOf(session), action: 'admin.totp_reenrolled', target: 'admin' });
    return { otpauthUri: totpUri(secret, `admin@${session.userId}`), secret, recoveryCodes: codes };
  }
}
