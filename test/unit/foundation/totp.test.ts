import { generateSync } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyTotp, newTotpSecret, TOTP_PERIOD_S } from '../../../src-main/admin/totp';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B, SHA-1, 8 digits, secret "12345678901234567890".
  const rfcSecret = new TextEncoder().encode('12345678901234567890');
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it.each(vectors)('at T=%i the code is %s', (epoch, code) => {
    expect(generateSync({ secret: rfcSecret, epoch, digits: 8, algorithm: 'sha1', period: 30 })).toBe(code);
  });

  let secret = '';
  beforeAll(async () => {
    secret = await newTotpSecret();
  });
  const now = Date.UTC(2026, 5, 1, 10, 0, 10);
  const codeAt = (ms: number) => generateSync({ secret, epoch: Math.floor(ms / 1000), period: TOTP_PERIOD_S });

  it('accepts the current code and one step of drift, refuses older ones', async () => {
    expect((await verifyTotp(secret, codeAt(now), now, 0)).ok).toBe(true);
    expect((await verifyTotp(secret, codeAt(now - 30_000), now, 0)).ok).toBe(true);
    expect((await verifyTotp(secret, codeAt(now - 90_000), now, 0)).ok).toBe(false);
    expect((await verifyTotp(secret, '12345', now, 0)).ok).toBe(false);
  });

  it('never accepts the same code twice', async () => {
    const first = await verifyTotp(secret, codeAt(now), now, 0);
    expect(first.ok).toBe(true);
    expect((await verifyTotp(secret, codeAt(now), now + 5_000, first.step)).ok).toBe(false);
    // An older code (previous step) is refused after a newer one was used.
    expect((await verifyTotp(secret, codeAt(now - 30_000), now, first.step)).ok).toBe(false);
    // The next step's code is fine.
    expect((await verifyTotp(secret, codeAt(now + 30_000), now + 30_000, first.step)).ok).toBe(true);
  });
});
