import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The single local admin account (id = 1). The TOTP secret lives in the OS keychain, not here. */
export const adminAccount = sqliteTable('admin_account', {
  id: integer('id').primaryKey(),
  passwordHash: text('password_hash').notNull(),
  totpSecretRef: text('totp_secret_ref').notNull(),
  /** Last accepted TOTP time step: a code at or before it is refused (replay). */
  lastTotpStep: integer('last_totp_step').notNull().default(0),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: integer('locked_until'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const recoveryCodes = sqliteTable('recovery_codes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  codeHash: text('code_hash').notNull(),
  usedAt: integer('used_at'),
  createdAt: integer('created_at').notNull(),
});

/** Admin sessions; `tokenHash` is a SHA-256 of the bearer token, the token itself is never stored. */
export const adminSessions = sqliteTable('admin_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  host: text('host').notNull(),
  createdAt: integer('created_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  revokedAt: integer('revoked_at'),
});

/** Hash-chained audit log: `hash` = SHA-256(prevHash + canonical row). Before/after never hold a secret. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_action').on(t.action)],
);

/**
 * Where a retention purge cut the audit log: rows 1..`throughId` are gone, `hash` was row `throughId`'s, so
 * verification starts from it. `mac` is an HMAC under the audit key (audit/audit-checkpoint.ts): without the
 * key a checkpoint cannot be forged or moved. The newest row (largest `throughId`) is the one in effect.
 */
export const auditCheckpoints = sqliteTable('audit_checkpoints', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  throughId: integer('through_id').notNull(),
  hash: text('hash').notNull(),
  /** Rows pruned by this purge (the earlier checkpoints' rows not counted again). */
  prunedRows: integer('pruned_rows').notNull(),
  /** The cut-off the purge used: every pruned row was written before it. */
  before: integer('before').notNull(),
  at: integer('at').notNull(),
  mac: text('mac').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
