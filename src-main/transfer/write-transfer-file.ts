import { authenticatedData, checksumOf, type RawFile } from './file-integrity';
import { newEnvelopeHeader, sealKeys } from './key-envelope';
import {
  TRANSFER_FORMAT,
  TRANSFER_VERSION,
  type ExportedPolicy,
  type ExportedPrice,
  type ExportedProvider,
  type ExportedRouting,
  type KeyEnvelope,
} from './transfer-file';

export interface TransferContents {
  exportedAt: Date;
  appVersion: string;
  providers: ExportedProvider[];
  prices: ExportedPrice[];
  settings: Record<string, unknown>;
  routing: ExportedRouting[];
  policies: ExportedPolicy[];
}

/**
 * The file's text. With `sealed` (the keys by provider name, and the passphrase), the keys are encrypted
 * under the passphrase and the rest of the file is authenticated with them; without, the file has no keys.
 */
export async function writeTransferFile(
  contents: TransferContents,
  sealed: { keys: Map<string, string>; passphrase: string } | null,
): Promise<string> {
  const document: RawFile = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: contents.exportedAt.toISOString(),
    appVersion: contents.appVersion,
    providers: contents.providers,
    prices: contents.prices,
    settings: contents.settings,
    routing: contents.routing,
    policies: contents.policies,
  };
  let keys: KeyEnvelope | null = null;
  if (sealed) {
    const header = newEnvelopeHeader();
    const plaintext = JSON.stringify(Object.fromEntries(sealed.keys));
    keys = await sealKeys(plaintext, sealed.passphrase, header, authenticatedData(document, header));
  }
  const withKeys = { ...document, keys };
  return `${JSON.stringify({ ...withKeys, checksum: checksumOf(withKeys) }, null, 2)}\n`;
}
