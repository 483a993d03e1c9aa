import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where a retention purge cut the audit log (rows 1..throughId are gone; `hash` was row throughId's). */
export interface AuditCheckpoint {
  throughId: number;
  hash: string;
  prunedRows: number;
  before: number;
  at: number;
}

export interface StoredCheckpoint extends AuditCheckpoint {
  mac: string;
}

/** HMAC under the audit key over the database identity and every field: a checkpoint cannot be forged or moved without the key. */
export function checkpointMac(key: Buffer, identity: string, c: AuditCheckpoint): string {
  return createHmac('sha256', key)
    .update(JSON.stringify(['audit-checkpoint', identity, c.throughId, c.hash, c.prunedRows, c.before, c.at]))
    .digest('hex');
}

export function checkpointIsSealed(key: Buffer, identity: string, c: StoredCheckpoint): boolean {
  const expected = Buffer.from(checkpointMac(key, identity, c), 'hex');
  const actual = Buffer.from(c.mac, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
