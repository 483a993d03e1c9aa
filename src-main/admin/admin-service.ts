import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@contract';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { AppError } from '../errors';
import type { RoleResolver, Session } from '../session';
import type { SecretStore } from '../secrets/secret-store';
import type { AuditLog } from '../audit/audit-log';
import { lockoutDelayMs } from './lockout';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

export const ADMIN_IDLE_MS = 15 * 60_000;
const TOUCH_EVERY_MS = 5_000;
const ADMIN_MAX_MS = 8 * 60 * 60_000;

interface AccountRow {
  passwordHash: string;
  totpSecretRef: string;
  lastTotpStep: number;
  failedAttempts: number;
  lockedUntil: number | null;
}

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
  ) {}

  private readonly touched = new Map<string, number>();

  private account(): AccountRow | undefined {
    return this.store.sqlite
      .prepare(
        `SELECT password_hash AS passwordHash, totp_secret_ref AS totpSecretRef, last_totp_step AS lastTotpStep,
                failed_attempts AS failedAttempts, locked_until AS lockedUntil FROM admin_account WHERE id = 1`,
      )
      .get() as AccountRow | undefined;
  }

  isConfigured(): boolean {
    return this.account() !== undefined;
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
      this.store.sqlite
        .prepare(
          'INSERT INTO admin_account (id, password_hash, totp_secret_ref, created_at, updated_at) VALUES (1, ?, ?, ?, ?)',
        )
        .run(passwordHash, totpRef, now, now);
      this.replaceRecoveryCodes(codes, now);
    });
    this.audit.append({ actor: actorOf(session), action: 'admin.setup', target: 'admin' });
    return { otpauthUri: totpUri(secret, `admin@${session.userId}`), secret, recoveryCodes: codes };
  }

  private replaceRecoveryCodes(codes: string[], now: number): void {
    this.store.sqlite.prepare('DELETE FROM recovery_codes').run();
    const insert = this.store.sqlite.prepare('INSERT INTO recovery_codes (code_hash, created_at) VALUES (?, ?)');
    for (const code of codes) insert.run(hashRecoveryCode(code), now);
  }

  /** Password + (TOTP code or a recovery code) → a new admin session token, stored on the session. */
  async unlock(password: string, code: string, session: Session): Promise<AdminStatus> {
    const account = this.account();
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
        const row = this.store.sqlite
          .prepare('SELECT id FROM recovery_codes WHERE code_hash = ? AND used_at IS NULL')
          .get(hash);
        secondFactor = { ok: row !== undefined, recoveryHash: hash };
      } else {
        const secret = await this.secrets.get(account.totpSecretRef);
        if (!secret) throw new AppError('keychain_unavailable', 'The TOTP secret is missing from the OS keychain.');
        secondFactor = verifyTotp(secret, code.trim(), now, account.lastTotpStep);
      }
    }
    if (!passwordOk || !secondFactor.ok) {
      const failed = account.failedAttempts + 1;
      const delay = lockoutDelayMs(failed);
      this.store.sqlite
        .prepare('UPDATE admin_account SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = 1')
        .run(failed, delay ? now + delay : null, now);
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
      this.store.sqlite
        .prepare(
          'UPDATE admin_account SET failed_attempts = 0, locked_until = NULL, last_totp_step = ?, updated_at = ? WHERE id = 1',
        )
        .run(secondFactor.step ?? account.lastTotpStep, now);
      if (secondFactor.recoveryHash)
        this.store.sqlite
          .prepare('UPDATE recovery_codes SET used_at = ? WHERE code_hash = ?')
          .run(now, secondFactor.recoveryHash);
      this.store.sqlite
        .prepare(
          'INSERT INTO admin_sessions (token_hash, host, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(sha256(token), session.host, now, now, now + ADMIN_MAX_MS);
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
      this.store.sqlite
        .prepare('UPDATE admin_sessions SET revoked_at = ? WHERE token_hash = ?')
        .run(this.clock.now(), sha256(session.adminToken));
      this.audit.append({ actor: actorOf(session), action: 'admin.lock', target: 'admin' });
    }
    session.adminToken = null;
    return this.status(session);
  }

  /** Session expiry without touching it (status display). */
  private sessionExpiry(token: string | null): number | null {
    if (!token) return null;
    const row = this.store.sqlite
      .prepare(
        'SELECT last_seen_at AS lastSeen, expires_at AS expiresAt, revoked_at AS revokedAt FROM admin_sessions WHERE token_hash = ?',
      )
      .get(sha256(token)) as { lastSeen: number; expiresAt: number; revokedAt: number | null } | undefined;
    if (!row || row.revokedAt !== null) return null;
    const expiry = Math.min(row.lastSeen + ADMIN_IDLE_MS, row.expiresAt);
    return expiry > this.clock.now() ? expiry : null;
  }

  status(session: Session): AdminStatus {
    const account = this.account();
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
      this.store.sqlite.prepare('UPDATE admin_sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, hash);
    }
    return 'admin';
  }

  async changePassword(current: string, next: string, session: Session): Promise<void> {
    const account = this.account();
    if (!account || !(await verifyPassword(current, account.passwordHash)))
      throw new AppError('unauthenticated', 'The current password is wrong.');
    checkPasswordStrength(next);
    const hash = await hashPassword(next);
    this.store.sqlite
      .prepare('UPDATE admin_account SET password_hash = ?, updated_at = ? WHERE id = 1')
      .run(hash, this.clock.now());
    this.audit.append({ actor: actorOf(session), action: 'admin.password_changed', target: 'admin' });
  }

  async reenrolTotp(password: string, session: Session): Promise<Enrolment> {
    const account = this.account();
    if (!account || !(await verifyPassword(password, account.passwordHash)))
      throw new AppError('unauthenticated', 'The password is wrong.');
    const secret = newTotpSecret();
    await this.secrets.set(account.totpSecretRef, secret);
    const codes = newRecoveryCodes();
    immediate(this.store.sqlite, () => {
      this.store.sqlite
        .prepare('UPDATE admin_account SET last_totp_step = 0, updated_at = ? WHERE id = 1')
        .run(this.clock.now());
      this.replaceRecoveryCodes(codes, this.clock.now());
    });
    this.audit.append({ actor: actorOf(session), action: 'admin.totp_reenrolled', target: 'admin' });
    return { otpauthUri: totpUri(secret, `admin@${session.userId}`), secret, recoveryCodes: codes };
  }
}
