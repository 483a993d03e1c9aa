import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../src-main/db/client';
import { applyMigrations } from '../../../src-main/db/migrate';
import { tempDir } from '../../helpers/temp';

const MIGRATIONS = join(__dirname, '../../../drizzle');
const HOUR = 3_600_000;

/** A copy of the migrations folder that stops before the migration tagged `tag`. */
function migrationsBefore(tag: string, dir: string): string {
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return dir;
}

describe('migration 0004 (usage_hour_totals)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('fills the hour totals from the per-provider hourly rollups an earlier version wrote', () => {
    const data = tempDir();
    const old = tempDir();
    cleanups.push(data.cleanup, old.cleanup);
    const store: DatabaseHandle = openDatabase({ dataDir: data.dir });
    cleanups.unshift(() => store.close());
    applyMigrations(store.db, migrationsBefore('0004_usage_hour_totals', old.dir));

    // What the earlier version left: two hours, two providers in the first, error classes in both.
    const insert = store.sqlite.prepare(
      `INSERT INTO usage_hourly (bucket_start, config_id, provider_name, provider_kind, task, calls, errors,
         input_tokens, cost_micros, latency_sum_ms, lat_b3, error_classes)
       VALUES (?, ?, ?, 'openai', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(10 * HOUR, 'c1', 'GPT', 'cv_draft', 5, 2, 500, 1_000, 900, 5, '{"timeout":1,"rate_limited":1}');
    insert.run(10 * HOUR, 'c2', 'Local', 'extraction', 3, 1, 300, 0, 300, 3, '{"timeout":1}');
    insert.run(11 * HOUR, 'c1', 'GPT', 'cv_draft', 4, 0, 400, 800, 400, 4, '{}');

    applyMigrations(store.db, MIGRATIONS);

    const rows = store.sqlite
      .prepare(
        `SELECT bucket_start, calls, errors, input_tokens, cost_micros, latency_sum_ms, lat_b3, error_classes
         FROM usage_hour_totals ORDER BY bucket_start`,
      )
      .all() as { error_classes: string }[];
    expect(rows.map((r) => ({ ...r, error_classes: JSON.parse(r.error_classes) as unknown }))).toEqual([
      {
        bucket_start: 10 * HOUR,
        calls: 8,
        errors: 3,
        input_tokens: 800,
        cost_micros: 1_000,
        latency_sum_ms: 1_200,
        lat_b3: 8,
        error_classes: { timeout: 2, rate_limited: 1 },
      },
      {
        bucket_start: 11 * HOUR,
        calls: 4,
        errors: 0,
        input_tokens: 400,
        cost_micros: 800,
        latency_sum_ms: 400,
        lat_b3: 4,
        error_classes: {},
      },
    ]);
  });
});
