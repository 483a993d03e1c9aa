import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/client';

/** Settings row of the pending first-run setup (a settings key, so no table of its own is needed). */
const PENDING_SETUP_KEY = 'admin.pending_setup';

/** The single admin account (row id 1). */
export interface AdminAccountRow {
  passwordHash: string;
  totpSecretRef: string;
  lastTotpStep: number;
  failedAttempts: number;
  lockedUntil: number | null;
}

/** A first-run setup whose authenticator has not been confirmed yet: nothing of it is an account. */
export interface PendingSetupRow {
  passwordHash: string;
  /** Keychain entry holding the pending TOTP secret and recovery codes, sealed under the chosen password. */
  secretRef: string;
  startedAt: number;
}

export interface AdminSessionRow {
  lastSeen: number;
  expiresAt: number;
  revokedAt: number | null;
}

/**
 * The admin tables: admin_account, recovery_codes, admin_sessions (and the pending setup's settings row). Statements are prepared once; callers
 * group writes that belong together in an `immediate()` transaction.
 */
export class AdminRepo {
  private readonly selectAccount: Statement<[], AdminAccountRow>;
  private readonly insertAccount: Statement<[string, string, number, number]>;
  private readonly incrementFailures: Statement<[number], { failedAttempts: number; lockedUntil: number | null }>;
  private readonly updateLockedUntil: Statement<[number]>;
  private readonly advanceTotpStep: Statement<[number, number]>;
  private readonly resetFailures: Statement<[number]>;
  private readonly selectPendingSetup: Statement<[], { value: string }>;
  private readonly upsertPendingSetup: Statement<[string, number]>;
  private readonly deletePendingSetup: Statement<[]>;
  private readonly updatePasswordHash: Statement<[string, number]>;
  private readonly updateTotpSecret: Statement<[string, number, number, string, string]>;
  private readonly deleteRecoveryCodes: Statement<[]>;
  private readonly insertRecoveryCode: Statement<[string, number]>;
  private readonly selectRecoveryCode: Statement<[string], { usedAt: number | null }>;
  private readonly countUnusedRecoveryCodes: Statement<[], { left: number }>;
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
    this.selectPendingSetup = sqlite.prepare(`SELECT value FROM settings WHERE key = '${PENDING_SETUP_KEY}'`);
    this.upsertPendingSetup = sqlite.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES ('${PENDING_SETUP_KEY}', ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.deletePendingSetup = sqlite.prepare(`DELETE FROM settings WHERE key = '${PENDING_SETUP_KEY}'`);
    this.updatePasswordHash = sqlite.prepare('UPDATE admin_account SET password_hash = ?, updated_at = ? WHERE id = 1');
    this.updateTotpSecret = sqlite.prepare(
      `UPDATE admin_account SET totp_secret_ref = ?, last_totp_step = ?, updated_at = ?
       WHERE id = 1 AND totp_secret_ref = ? AND password_hash = ?`,
    );
    this.deleteRecoveryCodes = sqlite.prepare('DELETE FROM recovery_codes');
    this.insertRecoveryCode = sqlite.prepare('INSERT INTO recovery_codes (code_hash, created_at) VALUES (?, ?)');
    this.selectRecoveryCode = sqlite.prepare('SELECT used_at AS usedAt FROM recovery_codes WHERE code_hash = ?');
    this.countUnusedRecoveryCodes = sqlite.prepare('SELECT count(*) AS left FROM recovery_codes WHERE used_at IS NULL');
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

  pendingSetup(): PendingSetupRow | undefined {
    const row = this.selectPendingSetup.get();
    return row ? (JSON.parse(row.value) as PendingSetupRow) : undefined;
  }

  /** Starts (or replaces) the one pending first-run setup. */
  putPendingSetup(pending: PendingSetupRow, now: number): void {
    this.upsertPendingSetup.run(JSON.stringify(pending), now);
  }

  clearPendingSetup(): void {
    this.deletePendingSetup.run();
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

  /**
   * Re-enrolment, compare-and-set: switches to the new secret's keychain entry only while the account still
   * uses `expectedRef` and `expectedPasswordHash` (the new entry is sealed under that password). Replay
   * protection continues from `step`, the new secret's step that confirmed it.
   */
  switchTotpSecret(ref: string, step: number, now: number, expected: { ref: string; passwordHash: string }): boolean {
    return this.updateTotpSecret.run(ref, step, now, expected.ref, expected.passwordHash).changes === 1;
  }

  replaceRecoveryCodes(codeHashes: readonly string[], now: number): void {
    this.deleteRecoveryCodes.run();
    for (const hash of codeHashes) this.insertRecoveryCode.run(hash, now);
  }

  /** The recovery code with this hash: absent when it is not one of the current codes. */
  recoveryCode(codeHash: string): { usedAt: number | null } | undefined {
    return this.selectRecoveryCode.get(codeHash);
  }

  recoveryCodesLeft(): number {
    return this.countUnusedRecoveryCodes.get()?.left ?? 0;
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
