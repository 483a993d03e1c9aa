import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import type { KeyEnvelope } from './transfer-file';

/**
 * The keys of an export file, encrypted under the admin's passphrase: scrypt (memory-hard; N=2^17, r=8, p=1,
 * the OWASP parameters the admin password hash uses: 128 MiB and a fraction of a second per try) derives a
 * 256-bit key from the passphrase and a random 16-byte salt; AES-256-GCM with a random 12-byte nonce encrypts
 * the keys and authenticates them together with `aad` (the rest of the file). Both come with Node (OpenSSL).
 */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; the file schema caps N·r so a foreign file cannot ask for more than 512 MiB.
  const maxmem = 128 * params.N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFKC'), salt, KEY_BYTES, { ...params, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** The parameters of a new envelope (random salt and nonce), before anything is encrypted. */
export function newEnvelopeHeader(): Pick<KeyEnvelope, 'kdf' | 'cipher'> {
  return {
    kdf: { name: 'scrypt', ...SCRYPT_PARAMS, salt: randomBytes(16).toString('base64url') },
    cipher: { name: 'aes-256-gcm', nonce: randomBytes(12).toString('base64url') },
  };
}

export async function sealKeys(
  plaintext: string,
  passphrase: string,
  header: Pick<KeyEnvelope, 'kdf' | 'cipher'>,
  aad: string,
): Promise<KeyEnvelope> {
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64url'), header.kdf);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.nonce, 'base64url'));
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ...header, ciphertext: ciphertext.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') };
}

/** The plaintext, or null when the passphrase is wrong or the ciphertext, tag or `aad` were changed. */
export async function openKeys(envelope: KeyEnvelope, passphrase: string, aad: string): Promise<string | null> {
  const key = await deriveKey(passphrase, Buffer.from(envelope.kdf.salt, 'base64url'), envelope.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.cipher.nonce, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
