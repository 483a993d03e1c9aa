import { createHash } from 'node:crypto';
import type { Sqlite } from '../../../src-main/db/client';

/** A digest of the usage events with id ≤ `upTo`: equal later means those rows are untouched. */
export function usageRowsDigest(sqlite: Sqlite, upTo: number): string {
  const hash = createHash('sha256');
  for (const row of sqlite.prepare('SELECT * FROM usage_events WHERE id <= ? ORDER BY id').iterate(upTo))
    hash.update(JSON.stringify(row));
  return hash.digest('hex');
}
