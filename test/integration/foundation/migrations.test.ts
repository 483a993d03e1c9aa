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

describe('migrations that add rollups fill them from what an earlier version wrote', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  /** A database migrated up to (not including) `tag`. */
  function databaseBefore(tag: string): DatabaseHandle {
    const data = tempDir();
    const old = tempDir();
    const store = openDatabase({ dataDir: data.dir });
    cleanups.push(() => store.close(), data.cleanup, old.cleanup);
    applyMigrations(store.sqlite, migrationsBefore(tag, old.dir));
    return store;
  }

  it('0004 fills the hour totals from the per-provider hourly rollups', () => {
    const store = databaseBefore('0004_usage_hour_totals');

    // What the earlier version left: two hours, two providers in the first, error classes in both.
    const insert = store.sqlite.prepare(
      `INSERT INTO usage_hourly (bucket_start, config_id, provider_name, provider_kind, task, calls, errors,
         input_tokens, cost_micros, latency_sum_ms, lat_b3, error_classes)
       VALUES (?, ?, ?, 'openai', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(10 * HOUR, 'c1', 'GPT', 'cv_draft', 5, 2, 500, 1_000, 900, 5, '{"timeout":1,"rate_limited":1}');
    insert.run(10 * HOUR, 'c2', 'Local', 'extraction', 3, 1, 300, 0, 300, 3, '{"timeout":1}');
    insert.run(11 * HOUR, 'c1', 'GPT', 'cv_draft', 4, 0, 400, 800, 400, 4, '{}');

    applyMigrations(store.sqlite, MIGRATIONS);

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

  it('0005 fills the per-dimension daily rollups from the all-dimensions daily rows', () => {
    const store = databaseBefore('0005_usage_daily_by_dimension');
    const insert = store.sqlite.prepare(
      `INSERT INTO usage_daily (bucket_start, config_id, provider_name, provider_kind, model, task, user_id, calls,
         errors, input_tokens, cost_micros, lat_b2, error_classes)
       VALUES (?, 'c1', ?, 'openai', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const day = 20 * 24 * HOUR;
    insert.run(day, 'GPT', 'gpt-4o', 'cv_draft', 'ana', 5, 1, 500, 1_000, 5, '{"timeout":1}');
    insert.run(day, 'GPT', 'gpt-4o', 'extraction', 'ben', 2, 2, 200, 400, 2, '{"timeout":1,"auth":1}');
    insert.run(day, 'Claude', 'sonnet', 'cv_draft', 'ana', 3, 0, 300, 900, 3, '{}');

    applyMigrations(store.sqlite, MIGRATIONS);

    const rows = (dimension: string) =>
      (
        store.sqlite
          .prepare(
            `SELECT value, calls, errors, input_tokens, cost_micros, lat_b2, error_classes
             FROM usage_daily_by_dimension WHERE dimension = ? AND bucket_start = ? ORDER BY value`,
          )
          .all(dimension, day) as { value: string; calls: number; error_classes: string }[]
      ).map((r) => ({ ...r, error_classes: JSON.parse(r.error_classes) as unknown }));
    expect(rows('provider')).toEqual([
      { value: 'Claude', calls: 3, errors: 0, input_tokens: 300, cost_micros: 900, lat_b2: 3, error_classes: {} },
      {
        value: 'GPT',
        calls: 7,
        errors: 3,
        input_tokens: 700,
        cost_micros: 1_400,
        lat_b2: 7,
        error_classes: { timeout: 2, auth: 1 },
      },
    ]);
    expect(rows('task').map((r) => [r.value, r.calls, r.error_classes])).toEqual([
      ['cv_draft', 8, { timeout: 1 }],
      ['extraction', 2, { timeout: 1, auth: 1 }],
    ]);
    expect(rows('model').map((r) => [r.value, r.calls])).toEqual([
      ['gpt-4o', 7],
      ['sonnet', 3],
    ]);
    expect(rows('user').map((r) => [r.value, r.calls])).toEqual([
      ['ana', 8],
      ['ben', 2],
    ]);
  });
  it('0014–0015 fill the per-provider-type daily rollups from the all-dimensions daily rows', () => {
    const store = databaseBefore('0016_usage_daily_by_kind_task');
    const insert = store.sqlite.prepare(
      `INSERT INTO usage_daily (bucket_start, config_id, provider_name, provider_kind, model, task, user_id, calls,
         errors, input_tokens, cost_micros, lat_b2, error_classes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const day = 20 * 24 * HOUR;
    insert.run(day, 'c1', 'GPT', 'openai', 'gpt-4o', 'cv_draft', 'ana', 5, 1, 500, 1_000, 5, '{"timeout":1}');
    insert.run(day, 'c2', 'GPT 2', 'openai', 'gpt-4o', 'cv_draft', 'ben', 2, 2, 200, 400, 2, '{"timeout":1,"auth":1}');
    insert.run(day, 'c3', 'Claude', 'anthropic', 'sonnet', 'cv_draft', 'ana', 3, 0, 300, 900, 3, '{}');

    applyMigrations(store.sqlite, MIGRATIONS);

    const rows = (
      store.sqlite
        .prepare(
          `SELECT provider_kind, task, calls, errors, input_tokens, cost_micros, lat_b2, error_classes
           FROM usage_daily_by_kind_task WHERE bucket_start = ? ORDER BY provider_kind`,
        )
        .all(day) as { error_classes: string }[]
    ).map((r) => ({ ...r, error_classes: JSON.parse(r.error_classes) as unknown }));
    expect(rows).toEqual([
      {
        provider_kind: 'anthropic',
        task: 'cv_draft',
        calls: 3,
        errors: 0,
        input_tokens: 300,
        cost_micros: 900,
        lat_b2: 3,
        error_classes: {},
      },
      {
        provider_kind: 'openai',
        task: 'cv_draft',
        calls: 7,
        errors: 3,
        input_tokens: 700,
        cost_micros: 1_400,
        lat_b2: 7,
        error_classes: { timeout: 2, auth: 1 },
      },
    ]);
  });
});
