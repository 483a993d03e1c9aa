import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { derivePasswordKey } from './password';

// `totp1$salt$iv$tag$ciphertext` (base64url): AES-256-GCM under a scrypt key from the admin password, so a
// process that can read the keychain entry still cannot use the TOTP secret without the password.
const PREFIX = 'totp1';

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${PREFIX}$`);
}

export async function sealTotpSecret(secret: string, password: string, ref: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derivePasswordKey(password, salt), iv);
  cipher.setAAD(Buffer.from(ref, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [PREFIX, salt, iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('$');
}

/**
 * The TOTP secret from its keychain value: decrypted with the password, or as is for a value stored in
 * plaintext before encryption existed (`legacy`, to be re-sealed). Null when the password does not open it.
 */
export async function openTotpSecret(
  stored: string,
  password: string,
  ref: string,
): Promise<{ secret: string; legacy: boolean } | null> {
  if (!isSealed(stored)) return { secret: stored, legacy: true };
  const [, salt, iv, tag, ciphertext] = stored.split('$');
  if (!salt || !iv || !tag || !ciphertext) return null;
  try {
    const key = await derivePasswordKey(password, Buffer.from(salt, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(ref, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return { secret: plain.toString('utf8'), legacy: false };
  } catch {
    return null;
  }
}
