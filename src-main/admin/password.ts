import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors';

// OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_MEM = 256 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A 32-byte key from the password with the same OWASP scrypt cost (for encrypting secrets under it). */
export function derivePasswordKey(password: string, salt: Buffer): Promise<Buffer> {
  return scrypt(password, salt, { ...PARAMS, maxmem: MAX_MEM });
}

/** `scrypt$N$r$p$salt$hash` (base64url), so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { ...PARAMS, maxmem: MAX_MEM });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const COMMON = new Set([
  'password',
  'password123',
  'passw0rd',
  '123456789012',
  'qwertyuiop',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'iloveyou',
  'correcthorsebatterystaple',
  'aditus',
  'recruiter',
]);

/** NIST 800-63B style: long enough, not a known-weak password, not one repeated character class only. */
export function checkPasswordStrength(password: string): void {
  const problems: string[] = [];
  if (password.length < 12) problems.push('use at least 12 characters');
  if (password.length > 256) problems.push('use at most 256 characters');
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/\d+$/u, ''))) problems.push('avoid common passwords');
  if (/^(.)\1+$/u.test(password)) problems.push('avoid a single repeated character');
  const classes = [/[a-z]/u, /[A-Z]/u, /\d/u, /[^A-Za-z0-9]/u].filter((re) => re.test(password)).length;
  if (password.length < 16 && classes < 3)
    problems.push('mix at least three of: lower case, upper case, digits, symbols (or use 16+ characters)');
  if (problems.length) throw new AppError('invalid_input', `The password is too weak: ${problems.join('; ')}.`);
}
