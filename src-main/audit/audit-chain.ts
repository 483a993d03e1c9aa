import { createHash, createHmac } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  before: string | null;
  after: string | null;
}

const canonical = (r: ChainedFields): string =>
  JSON.stringify([r.id, r.at, r.actor, r.action, r.target, r.before, r.after]);

/** The pre-keychain algorithm: still checked for the rows written before the upgrade (up to `legacyId`). */
export function legacyRowHash(prevHash: string, r: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonical(r)).digest('hex');
}

/** Rows since the upgrade: HMAC-SHA256 under the keychain key over the previous hash and the row. */
export function keyedRowHash(key: Buffer, prevHash: string, r: ChainedFields): string {
  return createHmac('sha256', key).update(prevHash).update(canonical(r)).digest('hex');
}

/**
 * The anchor kept in the keychain (never in the database). `legacyId`/`legacyHash` record where the SHA-256
 * rows of an upgraded database end; `legacyProblem` is what the old chain's own check said at the upgrade.
 */
export interface AuditHead {
  legacyId: number;
  legacyHash: string;
  legacyProblem: { firstBadId: number; message: string } | null;
  id: number;
  count: number;
  hash: string;
}

function headMac(key: Buffer, identity: string, head: AuditHead): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([identity, head]))
    .digest('hex');
}

export function encodeHead(key: Buffer, identity: string, head: AuditHead): string {
  return JSON.stringify({ head, mac: headMac(key, identity, head) });
}

/** The head, or null when the entry was not written by someone holding the key. */
export function decodeHead(key: Buffer, identity: string, stored: string): AuditHead | null {
  try {
    const parsed = JSON.parse(stored) as { head?: AuditHead; mac?: string };
    if (!parsed.head || typeof parsed.mac !== 'string') return null;
    const head: AuditHead = {
      legacyId: parsed.head.legacyId,
      legacyHash: parsed.head.legacyHash,
      legacyProblem: parsed.head.legacyProblem,
      id: parsed.head.id,
      count: parsed.head.count,
      hash: parsed.head.hash,
    };
    return headMac(key, identity, head) === parsed.mac ? head : null;
  } catch {
    return null;
  }
}
