import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../helpers/core';

const journal = JSON.parse(readFileSync(join(__dirname, '../../../drizzle/meta/_journal.json'), 'utf8')) as {
  entries: unknown[];
};

describe('SQLite store', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('applies every migration to a fresh file, in WAL mode with foreign keys and a busy timeout', () => {
    t = testCore();
    const { sqlite } = t.core.store;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    expect(t.core.schemaVersion()).toBe(journal.entries.length);
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]
    ).map((r) => r.name);
    for (const table of [
      'provider_configs',
      'usage_events',
      'usage_hourly',
      'usage_daily',
      'budget_ledger',
      'prices',
      'admin_account',
      'audit_log',
      'candidates',
      'job_postings',
      'documents',
      'document_versions',
      'outbox',
      'settings',
    ])
      expect(tables).toContain(table);
  });

  it('re-opening an up-to-date file applies nothing twice and keeps the data', async () => {
    t = testCore();
    t.core.store.sqlite.prepare("INSERT INTO settings(key, value, updated_at) VALUES ('k', '1', 1)").run();
    t.core.close();
    const again = testCore({ dataDir: t.dataDir });
    try {
      expect(again.core.schemaVersion()).toBe(journal.entries.length);
      expect(again.core.store.sqlite.prepare("SELECT value FROM settings WHERE key='k'").get()).toEqual({ value: '1' });
    } finally {
      again.core.close();
    }
    // The file on disk is in WAL mode for any other reader too.
    const raw = new Database(join(t.dataDir, 'aditus.db'), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});
