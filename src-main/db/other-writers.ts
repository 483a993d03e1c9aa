import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from './client';

/** How often `PRAGMA data_version` is read: it costs 5–25 µs, too much for every routed request. */
export const OTHER_WRITERS_CHECK_MS = 250;

/**
 * Whether another connection (the CLI, another host) has committed to the database: `stamp()` changes
 * when it has, seen within OTHER_WRITERS_CHECK_MS. This connection's own writes do not change it: a cache
 * keyed on it must also be cleared by the code that writes.
 */
export class OtherWriters {
  private static readonly byStore = new WeakMap<DatabaseHandle, OtherWriters>();

  /** The store's one instance: every cache on a connection shares its check. */
  static of(store: DatabaseHandle): OtherWriters {
    let writers = OtherWriters.byStore.get(store);
    if (!writers) {
      writers = new OtherWriters(store);
      OtherWriters.byStore.set(store, writers);
    }
    return writers;
  }

  private readonly dataVersion: Statement<[], number>;
  private version = -1;
  private checkedAt = Number.NEGATIVE_INFINITY;

  private constructor(store: DatabaseHandle) {
    // `sqlite.pragma()` would prepare a new statement on every call.
    this.dataVersion = store.sqlite.prepare<[], number>('PRAGMA data_version').pluck();
  }

  stamp(): number {
    const now = performance.now();
    if (now - this.checkedAt >= OTHER_WRITERS_CHECK_MS) {
      this.version = this.dataVersion.get() ?? -1;
      this.checkedAt = now;
    }
    return this.version;
  }
}
