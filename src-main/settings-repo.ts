import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './db/client';

/**
 * App settings in the settings table: one JSON value per key. (The audit log keeps its chain head in the
 * same table under its own key: see audit/audit-log.ts.)
 */
export class SettingsRepo {
  private readonly select: Statement<string[], { key: string; value: string }>;
  private readonly upsert: Statement<[string, string, number]>;

  /** `keys`: the settings this repository reads; other rows of the table are not its business. */
  constructor(
    sqlite: Sqlite,
    private readonly keys: readonly string[],
  ) {
    this.select = sqlite.prepare(`SELECT key, value FROM settings WHERE key IN (${keys.map(() => '?').join(', ')})`);
    this.upsert = sqlite.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
  }

  /** The stored values by key; a key never written is absent. */
  read(): Record<string, unknown> {
    return Object.fromEntries(this.select.all(...this.keys).map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  write(key: string, value: unknown, now: number): void {
    this.upsert.run(key, JSON.stringify(value), now);
  }
}
