import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { immediate, type Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import type { Session } from '../session';
import type { AdminRepo, PendingSetupRow } from './admin-repo';
import { openEnrolment, sealEnrolment, type EnrolmentSecrets } from './enrolment-box';
import { actorOf, enrolmentFor, type Enrolment } from './enrolment';
import { checkPasswordStrength, hashPassword } from './password';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, verifyTotp } from './totp';
import { sealTotpSecret } from './totp-secret-box';

const alreadySetUp = () => new AppError('conflict', 'The admin account already exists.');
const noSetup = () =>
  new AppError('not_found', 'No admin account yet: set one up first (the Admin pages or `aditus admin init`).');

/**
 * First-run setup in two steps, so abandoning it never locks anyone out: `start` keeps a pending enrolment
 * (password hash in SQLite; TOTP secret and recovery codes in the OS keychain, sealed under the chosen
 * password, so only the person who chose it can see them again); `confirm` turns it into the admin account
 * only once a code from the new authenticator checks out. Until then the setup can be resumed with the
 * password or started over by anyone (it grants nothing).
 */
export class FirstRunSetup {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly repo: AdminRepo,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** When the unfinished setup began, or null (none, or the account exists). */
  pendingSince(): number | null {
    if (this.repo.account()) return null;
    return this.repo.pendingSetup()?.startedAt ?? null;
  }

  async start(password: string, session: Session, options: { restart?: boolean } = {}): Promise<Enrolment> {
    if (this.repo.account()) throw alreadySetUp();
    if (!options.restart && this.repo.pendingSetup()) throw setupInProgress();
    checkPasswordStrength(password);
    const passwordHash = await hashPassword(password);
    const enrolment: EnrolmentSecrets = { secret: await newTotpSecret(), recoveryCodes: newRecoveryCodes() };
    // One keychain entry per setup: two data folders (or two setups) never share one.
    const secretRef = `admin-totp-pending:${randomUUID()}`;
    await this.secrets.set(secretRef, await sealEnrolment(enrolment, password, secretRef));
    const now = this.clock.now();
    const claim = immediate(this.sqlite, () => {
      if (this.repo.account()) return { error: alreadySetUp() };
      const previous = this.repo.pendingSetup();
      if (previous && !options.restart) return { error: setupInProgress() };
      this.repo.putPendingSetup({ passwordHash, secretRef, startedAt: now }, now);
      return { previous };
    });
    if ('error' in claim) {
      await this.secrets.delete(secretRef).catch(() => false);
      throw claim.error;
    }
    if (claim.previous) await this.secrets.delete(claim.previous.secretRef).catch(() => false);
    this.audit.append({
      actor: actorOf(session),
      action: claim.previous ? 'admin.setup_restarted' : 'admin.setup_started',
      target: 'admin',
    });
    return await enrolmentFor(enrolment.secret, enrolment.recoveryCodes, session);
  }

  /** The unfinished setup's secret and codes again, for the person who knows the password it was started with. */
  async resume(password: string, session: Session): Promise<Enrolment> {
    if (this.repo.account()) throw alreadySetUp();
    const pending = this.repo.pendingSetup();
    if (!pending) throw new AppError('not_found', 'No admin setup is waiting to be finished: start one.');
    const { secret, recoveryCodes } = await this.open(pending, password);
    return await enrolmentFor(secret, recoveryCodes, session);
  }

  /**
   * A code from the new authenticator makes the pending setup the admin account; `startSession` runs in the same
   * transaction (the first unlock). The code's time step is consumed: it cannot unlock a second time.
   */
  async confirm(password: string, code: string, session: Session, startSession: () => void): Promise<void> {
    const pending = this.repo.pendingSetup();
    if (!pending) throw noSetup();
    if (looksLikeRecoveryCode(code))
      throw new AppError(
        'invalid_input',
        'Finish the setup with the 6-digit code your authenticator app shows; recovery codes work once the setup is finished.',
      );
    // The code is judged at the time it arrived, not after the (slow) key derivation.
    const now = this.clock.now();
    const { secret, recoveryCodes } = await this.open(pending, password);
    const check = await verifyTotp(secret, code.trim(), now, 0);
    if (!check.ok)
      throw new AppError(
        'unauthenticated',
        'Wrong code: enter the 6 digits your authenticator app shows for Aditus now.',
      );
    const totpRef = `admin-totp:${randomUUID()}`;
    await this.secrets.set(totpRef, await sealTotpSecret(secret, password, totpRef));
    const outcome = immediate(this.sqlite, () => {
      if (this.repo.account()) return alreadySetUp();
      if (this.repo.pendingSetup()?.secretRef !== pending.secretRef)
        return new AppError('conflict', 'The setup was started over meanwhile: continue the new one.');
      this.repo.createAccount(pending.passwordHash, totpRef, now);
      this.repo.claimTotpStep(check.step);
      this.repo.replaceRecoveryCodes(recoveryCodes.map(hashRecoveryCode), now);
      this.repo.clearPendingSetup();
      startSession();
      return null;
    });
    if (outcome) {
      await this.secrets.delete(totpRef).catch(() => false);
      throw outcome;
    }
    await this.secrets.delete(pending.secretRef).catch(() => false);
    // The account is created and its first session opened: both are recorded, as for any later login.
    this.audit.append({ actor: actorOf(session), action: 'admin.setup', target: 'admin' });
    this.audit.append({ actor: actorOf(session), action: 'admin.login', target: 'admin' });
  }

  /** Opening the sealed enrolment is the password check: only the password it was sealed under opens it. */
  private async open(pending: PendingSetupRow, password: string): Promise<EnrolmentSecrets> {
    const stored = await this.secrets.get(pending.secretRef);
    if (!stored)
      throw new AppError(
        'keychain_unavailable',
        "The unfinished setup's secret is missing from the OS keychain: start the setup over.",
      );
    const opened = await openEnrolment(stored, password, pending.secretRef);
    if (!opened)
      throw new AppError(
        'unauthenticated',
        'That is not the password this setup was started with: enter it to continue, or start the setup over.',
      );
    return opened;
  }
}

function setupInProgress(): AppError {
  return new AppError(
    'conflict',
    'An admin setup is already in progress: continue it with the password it was started with, or start it over.',
  );
}
