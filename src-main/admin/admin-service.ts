import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@contract';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { AppError } from '../errors';
import type { RoleResolver, Session } from '../session';
import type { SecretStore } from '../secrets/secret-store';
import type { AuditLog } from '../audit/audit-log';
import { AdminRepo } from './admin-repo';
import { lockoutDelayMs } from './lockout';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

export const ADMIN_IDLE_MS = 15 * 60_000;
const TOUCH_EVERY_MS = 5_000;
const ADMIN_MAX_MS = 8 * 60 * 60_000;

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
    if (this.isConfigured()) throw new AppError('conflict', 'The admin account already exists.');
    checkPasswordStrength(password);
    const passwordHash = await hashPassword(password);
    const secret = newTotpSecret();
    // One keychain entry per data folder: two Aditus databases never share (or overwrite) a TOTP secret.
    const totpRef = `admin-totp:${randomUUID()}`;
    await this.secrets.set(totpRef, secret);
    const codes = newRecoveryCodes();
    const now = this.clock.now();
    immediate(this.store.sqlite, () => {
      this.repo.createAccount(passwordHash, totpRef, now);
      this.repo.replaceRecoveryCodes(codes.map(hashRecoveryCode), now);
    });
    this.audit.append({ actor: actorOf(session), action: 'admin.setup', target: 'admin' });
    return { otpauthUri: totpUri(secret, `admin@${session.userId}`), secret, recoveryCodes: codes };
  }

  /** Password + (TOTP code or a recovery code) → a new admin session token, stored on the session. */
  async unlock(password: string, code: string, session: Session): Promise<AdminStatus> {
    const account = this.repo.account();
    if (!account) throw new AppError('not_found', 'No admin account yet: set one up first (`aditus admin init`).');
    const now = this.clock.now();
    if (account.lockedUntil !== null && account.lockedUntil > now) {
      const seconds = Math.ceil((account.lockedUntil - now) / 1000);
      throw new AppError('forbidden', `Too many failed attempts: admin unlock is locked for ${seconds} more seconds.`, {
        lockedUntil: account.lockedUntil,
      });
    }
    const actor = actorOf(session);
    const passwordOk = await verifyPassword(password, account.passwordHash);
    let secondFactor: { ok: boolean; step?: number; recoveryHash?: string } = { ok: false };
    if (passwordOk) {
      if (looksLikeRecoveryCode(code)) {
        const hash = hashRecoveryCode(code);
        secondFactor = { ok: this.repo.hasUnusedRecoveryCode(hash), recoveryHash: hash };
      } else {
        const secret = await this.secrets.get(account.totpSecretRef);
        if (!secret) throw new AppError('keychain_unavailable', 'The TOTP secret is missing from the OS keychain.');
        secondFactor = verifyTotp(secret, code.trim(), now, account.lastTotpStep);
      }
    }
    if (!passwordOk || !secondFactor.ok) {
      const failed = account.failedAttempts + 1;
      const delay = lockoutDelayMs(failed);
      this.repo.recordFailedAttempts(failed, delay ? now + delay : null, now);
      this.audit.append({ actor, action: 'admin.login_failed', target: 'admin', after: { failedAttempts: failed } });
      if (delay) this.audit.append({ actor, action: 'admin.lockout', target: 'admin', after: { lockedForMs: delay } });
      throw new AppError(
        'unauthenticated',
        delay
          ? `Wrong password or code. Admin unlock is now locked for ${Math.ceil(delay / 1000)} seconds.`
          : 'Wrong password or code.',
      );
    }
    const token = randomBytes(32).toString('base64url');
    immediate(this.store.sqlite, () => {
      this.repo.recordLogin(secondFactor.step ?? account.lastTotpStep, now);
      if (secondFactor.recoveryHash) this.repo.markRecoveryCodeUsed(secondFactor.recoveryHash, now);
      this.repo.insertSession(sha256(token), session.host, now, now + ADMIN_MAX_MS);
    });
    this.audit.append({
      actor,
      action: secondFactor.recoveryHash ? 'admin.login_recovery_code' : 'admin.login',
      target: 'admin',
    });
    session.adminToken = token;
    return this.status(session);
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

  async changePassword(current: string, next: string, session: Session): Promise<void> {
    const account = this.repo.account();
    if (!account || !(await verifyPassword(current, account.passwordHash)))
      throw new AppError('unauthenticated', 'The current password is wrong.');
    checkPasswordStrength(next);
    const hash = await hashPassword(next);
    this.repo.setPasswordHash(hash, this.clock.now());
    this.audit.append({ actor: actorOf(session), action: 'admin.password_changed', target: 'admin' });
  }

  async reenrolTotp(password: string, session: Session): Promise<Enrolment> {
    const account = this.repo.account();
    if (!account || !(await verifyPassword(password, account.passwordHash)))
      throw new AppError('unauthenticated', 'The password is wrong.');
    const secret = newTotpSecret();
    await this.secrets.set(account.totpSecretRef, secret);
    const codes = newRecoveryCodes();
    immediate(this.store.sqlite, () => {
      this.repo.resetLastTotpStep(this.clock.now());
      this.repo.replaceRecoveryCodes(codes.map(hashRecoveryCode), this.clock.now());
    });
    this.audit.append({ actor: actorOf(session), action: 'admin.totp_reenrolled', target: 'admin' });
    return { otpauthUri: totpUri(secret, `admin@${session.userId}`), secret, recoveryCodes: codes };
  }
}
