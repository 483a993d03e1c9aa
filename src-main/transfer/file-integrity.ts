import { createHash } from 'node:crypto';
import type { KeyEnvelope } from './transfer-file';

/** A file's fields in the order they were written (JSON.parse keeps it), so the text below is the exporter's. */
export type RawFile = Record<string, unknown>;

/**
 * What the keys' AEAD tag covers besides the keys: every field of the file but the checksum and the
 * ciphertext, so a provider's base URL cannot be pointed elsewhere without the passphrase noticing.
 */
export function authenticatedData(raw: RawFile, header: Pick<KeyEnvelope, 'kdf' | 'cipher'>): string {
  const { checksum: _checksum, keys: _keys, ...document } = raw;
  return JSON.stringify({ document, kdf: header.kdf, cipher: header.cipher });
}

/** `sha256:` of every field but the checksum itself: catches a file damaged or edited after export. */
export function checksumOf(raw: RawFile): string {
  const { checksum: _checksum, ...rest } = raw;
  return `sha256:${createHash('sha256').update(JSON.stringify(rest), 'utf8').digest('hex')}`;
}
