import { isSealed, openTotpSecret, sealTotpSecret } from './totp-secret-box';

/** What a pending enrolment must be able to show again: the new TOTP secret and its recovery codes. */
export interface EnrolmentSecrets {
  secret: string;
  recoveryCodes: string[];
}

/** Sealed like the active TOTP secret (AES-256-GCM under the password's scrypt key, bound to `ref`). */
export function sealEnrolment(enrolment: EnrolmentSecrets, password: string, ref: string): Promise<string> {
  return sealTotpSecret(JSON.stringify(enrolment), password, ref);
}

/** The pending enrolment, or null when the password does not open it (no plaintext form is accepted). */
export async function openEnrolment(stored: string, password: string, ref: string): Promise<EnrolmentSecrets | null> {
  if (!isSealed(stored)) return null;
  const opened = await openTotpSecret(stored, password, ref);
  if (!opened) return null;
  const value = JSON.parse(opened.secret) as Partial<EnrolmentSecrets>;
  if (typeof value.secret !== 'string' || !Array.isArray(value.recoveryCodes)) return null;
  return { secret: value.secret, recoveryCodes: value.recoveryCodes.filter((c) => typeof c === 'string') };
}
