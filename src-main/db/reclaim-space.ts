import type { Sqlite } from './client';

export type AutoVacuumMode = 'none' | 'full' | 'incremental';

export interface SpaceReport {
  method: 'incremental' | 'vacuum' | 'none';
  fileBytesBefore: number;
  fileBytesAfter: number;
  freeBytesLeft: number;
  note: string | null;
}

export interface DatabaseSpace {
  fileBytes: number;
  freeBytes: number;
  autoVacuum: AutoVacuumMode;
}

/** Pages handed back per step of incremental_vacuum (8 MB at 4 KB pages): each step is a short write. */
const PAGES_PER_STEP = 2048;
/** A one-time VACUUM (to switch a file to incremental auto-vacuum) is worth it from this much free space… */
const VACUUM_MIN_FREE_BYTES = 1024 * 1024;
/** …when it is also at least this share of the file. */
const VACUUM_MIN_FREE_SHARE = 0.1;

const MODES: Record<number, AutoVacuumMode> = { 0: 'none', 1: 'full', 2: 'incremental' };

const num = (sqlite: Sqlite, pragma: string): number => Number(sqlite.pragma(pragma, { simple: true }));

/** The database's size (pages in use and free, as SQLite counts them, including what is still in the WAL). */
export function databaseSpace(sqlite: Sqlite): DatabaseSpace {
  const pageSize = num(sqlite, 'page_size');
  return {
    fileBytes: num(sqlite, 'page_count') * pageSize,
    freeBytes: num(sqlite, 'freelist_count') * pageSize,
    autoVacuum: MODES[num(sqlite, 'auto_vacuum')] ?? 'none',
  };
}

/**
 * After a purge: gives the free pages back to the disk without blocking the host for long.
 * - incremental auto-vacuum (every database created by this version): `incremental_vacuum` in steps of
 *   PAGES_PER_STEP pages, yielding to the event loop between steps;
 * - full auto-vacuum: SQLite already did it at each commit;
 * - none (a database created before): a VACUUM that also switches the file to incremental auto-vacuum, once,
 *   only where `allowVacuum` (the CLI; it rewrites the whole file and blocks writers while it runs) and only
 *   when the free space is worth it; elsewhere the free pages stay in the file and later writes reuse them.
 * Then a WAL checkpoint (TRUNCATE) so the file on disk shrinks too.
 */
export async function reclaimSpace(
  sqlite: Sqlite,
  options: { allowVacuum: boolean; pause?: () => Promise<void> },
): Promise<SpaceReport> {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const before = databaseSpace(sqlite);
  let method: SpaceReport['method'] = 'none';
  let note: string | null = null;
  if (before.autoVacuum === 'incremental' && before.freeBytes > 0) {
    method = 'incremental';
    let free = before.freeBytes;
    while (free > 0) {
      sqlite.pragma(`incremental_vacuum(${PAGES_PER_STEP})`);
      const next = databaseSpace(sqlite).freeBytes;
      if (next >= free) break;
      free = next;
      await pause();
    }
  } else if (before.autoVacuum === 'full') {
    note = 'auto_vacuum is FULL: SQLite returned the free pages at each commit.';
  } else if (before.autoVacuum === 'none' && before.freeBytes > 0) {
    const worth =
      before.freeBytes >= VACUUM_MIN_FREE_BYTES && before.freeBytes >= before.fileBytes * VACUUM_MIN_FREE_SHARE;
    if (options.allowVacuum && worth) {
      sqlite.pragma('auto_vacuum = INCREMENTAL');
      sqlite.exec('VACUUM');
      method = 'vacuum';
      note = 'The file was rewritten once and switched to incremental auto-vacuum: later purges free space in steps.';
    } else {
      note = options.allowVacuum
        ? 'Too little free space to be worth rewriting the file; later writes reuse it.'
        : 'This database predates incremental auto-vacuum: the free pages are reused by later writes. `aditus retention purge` rewrites the file once when the free space is worth it.';
    }
  }
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy (another process reading): the next checkpoint shrinks the WAL.
  }
  const after = databaseSpace(sqlite);
  return {
    method,
    fileBytesBefore: before.fileBytes,
    fileBytesAfter: after.fileBytes,
    freeBytesLeft: after.freeBytes,
    note,
  };
}
