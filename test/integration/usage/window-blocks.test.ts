import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../../src-main/usage/usage-event';
import { testCore, type TestCore } from '../../helpers/core';
import { seededRandom } from '../../helpers/seeded-random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

let made = 0;
function event(next: () => number, createdAt: number): UsageEvent {
  const failed = next() < 0.15;
  const provider = ['gpt', 'claude', 'local', 'Zeta', 'älpha'][Math.floor(next() * 5)]!;
  return {
    requestId: `r${made++}`,
    attempt: 1,
    configId: `config-${provider}`,
    providerName: provider,
    providerKind: 'openai-compatible',
    model: 'model-a',
    task: 'cv_draft',
    userId: 'ana',
    status: failed ? 'error' : 'ok',
    errorClass: failed ? 'timeout' : null,
    inputTokens: 3,
    outputTokens: 4,
    cachedInputTokens: 0,
    estimated: false,
    costMicros: 10,
    priceVersion: 1,
    latencyMs: Math.floor(next() * 5_000),
    ttftMs: null,
    fallback: false,
    createdAt,
  };
}

const backfill = readFileSync(join(__dirname, '../../../drizzle/0021_usage_window_blocks_backfill.sql'), 'utf8');

/** The answer read from the rollups alone: no window counts as sealed, so no block and no monthly row is read. */
function withoutBlocks<T>(t: TestCore, read: () => T): T {
  t.core.store.sqlite.exec('SAVEPOINT plain; DELETE FROM usage_monthly_sealed');
  try {
    return read();
  } finally {
    t.core.store.sqlite.exec('ROLLBACK TO plain; RELEASE plain');
  }
}

/**
 * Every way the group commit writes (commits with events up to 90 days late, idle spells after which one seal
 * passes several windows, a replay, `record` inside a caller's transaction, a batch retried one event at a time)
 * keeps the window blocks what the backfill would build, and the groupings that read them give what the rollups
 * alone give, over random ranges.
 */
describe.each(['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Australia/Lord_Howe'])(
  'window blocks in %s',
  (zone) => {
    it('stay in step with the rollups through every kind of commit', () => {
      process.env.TZ = zone;
      const t = testCore();
      try {
        const { usageLog, stats } = t.core.services;
        const sqlite = t.core.store.sqlite;
        const next = seededRandom(zone.length * 7_919);
        const start = Date.UTC(2025, 8, 25);
        let clock = start;
        for (let commit = 0; commit < 300; commit++) {
          clock += Math.floor(next() * 14 * HOUR);
          if (next() < 0.02) clock += 40 * DAY;
          const size = 1 + Math.floor(next() * 6);
          const batch = Array.from({ length: size }, () =>
            event(next, next() < 0.25 ? clock - Math.floor(next() * 90 * DAY) : clock - Math.floor(next() * 3 * HOUR)),
          );
          const mode = next();
          if (mode < 0.1) usageLog.replay(batch);
          else if (mode < 0.2) sqlite.transaction(() => batch.forEach((e) => usageLog.record(e)))();
          else if (mode < 0.3) {
            // One event's transaction part throws: the others are then written one by one, it is not.
            const bad = Math.floor(next() * size);
            batch.forEach((e, i) =>
              usageLog.enqueue(
                e,
                i === bad
                  ? () => {
                      throw new Error('refused');
                    }
                  : undefined,
              ),
            );
            usageLog.flush();
          } else {
            batch.forEach((e) => usageLog.enqueue(e));
            expect(usageLog.flush()).toBe(true);
          }
        }
        const blocks = () => sqlite.prepare('SELECT * FROM usage_window_blocks ORDER BY grouping, window_start').all();
        const kept = blocks();
        expect(kept.length).toBeGreaterThan(4);
        sqlite.exec('DELETE FROM usage_window_blocks');
        for (const statement of backfill.split('--> statement-breakpoint')) sqlite.exec(statement);
        expect(blocks()).toEqual(kept);
        for (let i = 0; i < 30; i++) {
          const from = start - 5 * DAY + Math.floor(next() * (clock - start));
          const range = { from, to: from + Math.floor(next() * (clock - from + 10 * DAY)) };
          for (const by of ['hour', 'provider_day'] as const)
            expect(stats.query(range, by), by).toEqual(withoutBlocks(t, () => stats.query(range, by)));
          expect(stats.dashboard(range)).toEqual(withoutBlocks(t, () => stats.dashboard(range)));
        }
      } finally {
        t.cleanup();
      }
    });
  },
);

describe('window blocks', () => {
  it('follow the rows a late event was written to, even after the time zone changed', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const t = testCore();
    try {
      const { usageLog, stats } = t.core.services;
      const next = seededRandom(7);
      usageLog.record(event(next, Date.UTC(2025, 10, 15)));
      usageLog.record(event(next, Date.UTC(2026, 0, 15))); // seals November and December
      // Late, and in Kiritimati its local day began on Nov 30 at 10:00 UTC: its day's row is in November's window.
      usageLog.record(event(next, Date.UTC(2025, 11, 1, 8)));
      process.env.TZ = 'UTC';
      usageLog.record(event(next, Date.UTC(2025, 11, 1, 9)));
      const range = { from: Date.UTC(2025, 8, 1), to: Date.UTC(2026, 3, 1) };
      for (const by of ['hour', 'provider_day'] as const)
        expect(stats.query(range, by), by).toEqual(withoutBlocks(t, () => stats.query(range, by)));
    } finally {
      t.cleanup();
    }
  });
});
