export const TOTP_PERIOD_S = 30;

/** otplib (with its hashing and base32 libraries, ~25 ms to load) is imported by the first admin step that needs it. */
const otp = () => import('otplib');

export async function newTotpSecret(): Promise<string> {
  return (await otp()).generateSecret({ length: 20 });
}

export async function totpUri(secret: string, label: string): Promise<string> {
  return (await otp()).generateURI({
    issuer: 'Aditus',
    label,
    secret,
    period: TOTP_PERIOD_S,
    digits: 6,
    algorithm: 'sha1',
  });
}

/**
 * RFC 6238 check with ±1 step of clock drift. `lastStep` is the last accepted time step: a code from that
 * step or earlier is refused, so a code is never accepted twice.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  nowMs: number,
  lastStep: number,
): Promise<{ ok: boolean; step: number }> {
  if (!/^\d{6}$/u.test(code)) return { ok: false, step: lastStep };
  const epoch = Math.floor(nowMs / 1000);
  const result = (await otp()).verifySync({
    secret,
    token: code,
    epoch,
    period: TOTP_PERIOD_S,
    epochTolerance: TOTP_PERIOD_S,
    afterTimeStep: lastStep,
  });
  return result.valid
    ? { ok: true, step: Math.floor(epoch / TOTP_PERIOD_S) + result.delta }
    : { ok: false, step: lastStep };
}
