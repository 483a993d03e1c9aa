import { createHash, randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { immediate, type Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import type { Session } from '../session';
import type { AdminAccountRow, AdminRepo } from './admin-repo';
import { actorOf, enrolmentFor, type Enrolment } from './enrolment';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, verifyTotp } from './totp';
import { sealTotpSecret } from './totp-secret-box';

interface PendingReenrolment {
  secret: string;
  recoveryCodes: string[];
  /** The new keychain entry and its sealed value (under the password checked at `begin`). */
  ref: string;
  sealed: string;
  /** The account as it was at `begin`: the switch happens only if it is still so. */
  basedOn: { ref: string; passwordHash: string };
}

const tokenKey = (session: Session) =>
  createHash('sha256')
    .update(session.adminToken ?? '')
    .digest('hex');

/**
 * Replacing the authenticator in two steps: `begin` shows a new secret and recovery codes, held only in this
 * process's memory for the admin session that asked; `confirm` switches to them once a code from the NEW
 * secret checks out. Until then the old authenticator and the old recovery codes keep working, and a
 * re-enrolment left unconfirmed (lock, restart, a new `begin`) simply disappears.
 */
export class TotpReenrolment {
  private readonly pending = new Map<string, PendingReenrolment>();

  constructor(
    private readonly sqlite: Sqlite,
    private readonly repo: AdminRepo,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** `account` was just read with `password` checked against it. */
  async begin(account: AdminAccountRow, password: string, session: Session): Promise<Enrolment> {
    const secret = await newTotpSecret();
    const recoveryCodes = newRecoveryCodes();
    const ref = `admin-totp:${randomUUID()}`;
    const sealed = await sealTotpSecret(secret, password, ref);
    this.pending.set(tokenKey(session), {
      secret,
      recoveryCodes,
      ref,
      sealed,
      basedOn: { ref: account.totpSecretRef, passwordHash: account.passwordHash },
    });
    this.audit.append({ actor: actorOf(session), action: 'admin.totp_reenrol_started', target: 'admin' });
    return await enrolmentFor(secret, recoveryCodes, session);
  }

  async confirm(code: string, session: Session): Promise<void> {
    const key = tokenKey(session);
    const pending = this.pending.get(key);
    if (!pending)
      throw new AppError('not_found', 'No re-enrolment is waiting for a code: start it again with the admin password.');
    const now = this.clock.now();
    const check = await verifyTotp(pending.secret, code.trim(), now, 0);
    if (!check.ok)
      throw new AppError(
        'unauthenticated',
        'Wrong code: enter the 6 digits the NEW Aditus entry in your authenticator app shows now.',
      );
    await this.secrets.set(pending.ref, pending.sealed);
    const switched = immediate(this.sqlite, () => {
      if (!this.repo.switchTotpSecret(pending.ref, check.step, now, pending.basedOn)) return false;
      this.repo.replaceRecoveryCodes(pending.recoveryCodes.map(hashRecoveryCode), now);
      return true;
    });
    this.pending.delete(key);
    if (!switched) {
      await this.secrets.delete(pending.ref).catch(() => false);
      throw new AppError(
        'conflict',
        'The admin password or authenticator changed since this re-enrolment started: start it again.',
      );
    }
    await this.secrets.delete(pending.basedOn.ref).catch(() => false);
    this.audit.append({ actor: actorOf(session), action: 'admin.totp_reenrolled', target: 'admin' });
  }

  /** The admin session ended: its unconfirmed re-enrolment goes with it. */
  forget(session: Session): void {
    this.pending.delete(tokenKey(session));
  }
}
