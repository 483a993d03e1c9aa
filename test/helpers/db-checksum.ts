import { createHash } from 'node:crypto';
import type { Sqlite } from '../../src-main/db/client';

/** A SHA-256 over every row of every table: equal before and after means nothing stored changed. */
export function databaseChecksum(sqlite: Sqlite): string {
  const hash = createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    hash.update(`#${name}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
