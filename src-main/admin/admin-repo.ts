import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/client';

/** The single admin account (row id 1). */
export interface AdminAccountRow {
  passwordHash: string;
  totpSecretRef: string;
  lastTotpStep: number;
  failedAttempts: number;
  lockedUntil: number | null;
}

export interface AdminSessionRow {
  lastSeen: number;
  expiresAt: number;
  revokedAt: number | null;
}

/**
 * The admin tables: admin_account, recovery_codes, admin_sessions. Statements are prepared once; callers
 * group writes that belong together in an `immediate()` transaction.
 */
export class AdminRepo {
  private readonly selectAccount: Statement<[], AdminAccountRow>;
  private readonly insertAccount: Statement<[string, string, number, number]>;
  private readonly incrementFailures: Statement<[number], { failedAttempts: number; lockedUntil: number | null }>;
  private readonly updateLockedUntil: Statement<[number]>;
  private readonly advanceTotpStep: Statement<[number, number]>;
  private readonly resetFailures: Statement<[number]>;
  private readonly deleteAccount: Statement<[]>;
  private readonly updatePasswordHash: Statement<[string, number]>;
  private readonly resetTotpStep: Statement<[number]>;
  private readonly deleteRecoveryCodes: Statement<[]>;
  private readonly insertRecoveryCode: Statement<[string, number]>;
  private readonly selectUnusedRecoveryCode: Statement<[string], { id: number }>;
  private readonly updateRecoveryCodeUsed: Statement<[number, string]>;
  private readonly updateOtherSessionsRevoked: Statement<[number, string | null]>;
  private readonly insertSessionRow: Statement<[string, string, number, number, number]>;
  private readonly selectSession: Statement<[string], AdminSessionRow>;
  private readonly updateSessionRevoked: Statement<[number, string]>;
  private readonly updateSessionSeen: Statement<[number, string]>;

  constructor(sqlite: Sqlite) {
    this.selectAccount = sqlite.prepare(
      `SELECT password_hash AS passwordHash, totp_secret_ref AS totpSecretRef, last_totp_step AS lastTotpStep,
              failed_attempts AS failedAttempts, locked_until AS lockedUntil FROM admin_account WHERE id = 1`,
    );
    this.insertAccount = sqlite.prepare(
      'INSERT INTO admin_account (id, password_hash, totp_secret_ref, created_at, updated_at) VALUES (1, ?, ?, ?, ?)',
    );
    this.incrementFailures = sqlite.prepare(
      `UPDATE admin_account SET failed_attempts = failed_attempts + 1, updated_at = ? WHERE id = 1
       RETURNING failed_attempts AS failedAttempts, locked_until AS lockedUntil`,
    );
    this.updateLockedUntil = sqlite.prepare('UPDATE admin_account SET locked_until = ? WHERE id = 1');
    this.advanceTotpStep = sqlite.prepare(
      'UPDATE admin_account SET last_totp_step = ? WHERE id = 1 AND last_totp_step < ?',
    );
    this.resetFailures = sqlite.prepare(
      'UPDATE admin_account SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = 1',
    );
    this.deleteAccount = sqlite.prepare('DELETE FROM admin_account WHERE id = 1');
    this.updatePasswordHash = sqlite.prepare('UPDATE admin_account SET password_hash = ?, updated_at = ? WHERE id = 1');
    this.resetTotpStep = sqlite.prepare('UPDATE admin_account SET last_totp_step = 0, updated_at = ? WHERE id = 1');
    this.deleteRecoveryCodes = sqlite.prepare('DELETE FROM recovery_codes');
    this.insertRecoveryCode = sqlite.prepare('INSERT INTO recovery_codes (code_hash, created_at) VALUES (?, ?)');
    this.selectUnusedRecoveryCode = sqlite.prepare(
      'SELECT id FROM recovery_codes WHERE code_hash = ? AND used_at IS NULL',
    );
    this.updateRecoveryCodeUsed = sqlite.prepare(
      'UPDATE recovery_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL',
    );
    this.updateOtherSessionsRevoked = sqlite.prepare(
      'UPDATE admin_sessions SET revoked_at = ? WHERE revoked_at IS NULL AND token_hash IS NOT ?',
    );
    this.insertSessionRow = sqlite.prepare(
      'INSERT INTO admin_sessions (token_hash, host, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectSession = sqlite.prepare(
      'SELECT last_seen_at AS lastSeen, expires_at AS expiresAt, revoked_at AS revokedAt FROM admin_sessions WHERE token_hash = ?',
    );
    this.updateSessionRevoked = sqlite.prepare('UPDATE admin_sessions SET revoked_at = ? WHERE token_hash = ?');
    this.updateSessionSeen = sqlite.prepare('UPDATE admin_sessions SET last_seen_at = ? WHERE token_hash = ?');
  }

  account(): AdminAccountRow | undefined {
    return this.selectAccount.get();
  }

  createAccount(passwordHash: string, totpSecretRef: string, now: number): void {
    this.insertAccount.run(passwordHash, totpSecretRef, now, now);
  }

  /** Removes a setup claim whose keychain entry could not be written. */
  removeAccount(): void {
    this.deleteAccount.run();
  }

  /** Counts one more attempt in SQL (so concurrent attempts in any process are all counted). */
  countAttempt(now: number): { failedAttempts: number; lockedUntil: number | null } | undefined {
    return this.incrementFailures.get(now);
  }

  setLockedUntil(lockedUntil: number): void {
    this.updateLockedUntil.run(lockedUntil);
  }

  /** Compare-and-set: true only for the one caller that moves the last accepted TOTP step forward to `step`. */
  claimTotpStep(step: number): boolean {
    return this.advanceTotpStep.run(step, step).changes === 1;
  }

  /** A successful attempt: the failure count and lockout reset. */
  clearFailures(now: number): void {
    this.resetFailures.run(now);
  }

  setPasswordHash(passwordHash: string, now: number): void {
    this.updatePasswordHash.run(passwordHash, now);
  }

  /** Re-enrolment: replay protection starts over with the new secret. */
  resetLastTotpStep(now: number): void {
    this.resetTotpStep.run(now);
  }

  replaceRecoveryCodes(codeHashes: readonly string[], now: number): void {
    this.deleteRecoveryCodes.run();
    for (const hash of codeHashes) this.insertRecoveryCode.run(hash, now);
  }

  hasUnusedRecoveryCode(codeHash: string): boolean {
    return this.selectUnusedRecoveryCode.get(codeHash) !== undefined;
  }

  /** True only for the one caller that marks an unused code used. */
  useRecoveryCode(codeHash: string, now: number): boolean {
    return this.updateRecoveryCodeUsed.run(now, codeHash).changes === 1;
  }

  insertSession(tokenHash: string, host: string, now: number, expiresAt: number): void {
    this.insertSessionRow.run(tokenHash, host, now, now, expiresAt);
  }

  session(tokenHash: string): AdminSessionRow | undefined {
    return this.selectSession.get(tokenHash);
  }

  revokeSession(tokenHash: string, now: number): void {
    this.updateSessionRevoked.run(now, tokenHash);
  }

  /** Revokes every live session but `keepTokenHash` (null: all of them). */
  revokeOtherSessions(keepTokenHash: string | null, now: number): void {
    this.updateOtherSessionsRevoked.run(now, keepTokenHash);
  }

  touchSession(tokenHash: string, now: number): void {
    this.updateSessionSeen.run(now, tokenHash);
  }
}
