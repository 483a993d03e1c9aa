import { authenticatedData, checksumOf, type RawFile } from './file-integrity';
import { openKeys } from './key-envelope';
import { refused } from './transfer-error';
import {
  knownSettingsSchema,
  sealedKeysSchema,
  READABLE_VERSIONS,
  TRANSFER_FORMAT,
  transferFileSchema,
  type TransferFile,
} from './transfer-file';
import type { SettingsDto } from '@contract';

export interface ReadTransferFile {
  file: TransferFile;
  /** Provider name → API key; null when the file has none or no passphrase was given. */
  keys: Map<string, string> | null;
  settings: Partial<SettingsDto>;
  ignoredSettings: string[];
}

function parseJson(text: string): RawFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refused('not_json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refused('not_an_export');
  return value as RawFile;
}

/**
 * The file checked as a whole before anything is changed: its format and version, its checksum, every field
 * against the schema, and (with the passphrase) the keys' AEAD tag over the rest of the file.
 */
export async function readTransferFile(text: string, passphrase: string | undefined): Promise<ReadTransferFile> {
  const raw = parseJson(text);
  if (raw['format'] !== TRANSFER_FORMAT) throw refused('not_an_export');
  if (!READABLE_VERSIONS.includes(raw['version']))
    throw refused('unsupported_version', `format version ${String(raw['version'])}`);
  if (raw['checksum'] !== checksumOf(raw)) throw refused('checksum_mismatch');
  const parsed = transferFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused('invalid_content', `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'malformed'}`);
  }
  const file = parsed.data;
  const known = Object.keys(knownSettingsSchema.shape);
  const ignoredSettings = Object.keys(file.settings).filter((k) => !known.includes(k));
  const settings = knownSettingsSchema.safeParse(
    Object.fromEntries(Object.entries(file.settings).filter(([k]) => known.includes(k))),
  );
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw refused('invalid_content', `settings.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'malformed'}`);
  }
  return { file, keys: await unlockKeys(file, raw, passphrase), settings: settings.data, ignoredSettings };
}

async function unlockKeys(
  file: TransferFile,
  raw: RawFile,
  passphrase: string | undefined,
): Promise<Map<string, string> | null> {
  if (file.keys === null || passphrase === undefined) return null;
  const plaintext = await openKeys(file.keys, passphrase, authenticatedData(raw, file.keys));
  if (plaintext === null) throw refused('wrong_passphrase');
  let sealed;
  try {
    sealed = sealedKeysSchema.parse(JSON.parse(plaintext));
  } catch {
    throw refused('invalid_content', 'the decrypted keys are not readable');
  }
  const withKey = new Set(file.providers.filter((p) => p.hasKey).map((p) => p.name));
  const names = Object.keys(sealed);
  if (names.length !== withKey.size || names.some((n) => !withKey.has(n)))
    throw refused('invalid_content', 'the encrypted keys do not match the providers that say they have one');
  return new Map(Object.entries(sealed));
}
