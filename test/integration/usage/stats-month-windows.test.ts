import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GROUP_BYS } from '@contract';
import { bucketIndex, percentileFromHistogram } from '../../../src-main/usage/latency-buckets';
import type { StatsRow } from '../../../src-main/usage/stats';
import { jsonRowsSql } from '../../../src-main/usage/stats-sums';
import type { UsageEvent } from '../../../src-main/usage/usage-event';
import { testCore, type TestCore } from '../../helpers/core';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** A small seeded generator (mulberry32): the same events on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Events at random times between `from` and `to`, with every dimension, status and measure varied. */
function randomEvents(count: number, from: number, to: number, seed: number): UsageEvent[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, n): UsageEvent => {
    const failed = next() < 0.12;
    const provider = pick(['gpt', 'claude', 'local']);
    return {
      requestId: `r-${n}`,
      attempt: 1,
      configId: `config-${provider}`,
      providerName: provider,
      providerKind: provider === 'local' ? 'ollama' : 'openai-compatible',
      model: pick(['model-a', 'model-b']),
      task: pick(['extraction', 'cv_draft', 'cover_letter', 'validation']),
      userId: pick(['ana', 'ben', 'chloé', 'dev']),
      status: failed ? 'error' : 'ok',
      errorClass: failed ? pick(['timeout', 'rate_limited', 'unavailable']) : null,
      inputTokens: failed ? 0 : Math.floor(next() * 5_000),
      outputTokens: failed ? 0 : Math.floor(next() * 1_500),
      cachedInputTokens: Math.floor(next() * 200),
      estimated: next() < 0.2,
      costMicros: failed ? 0 : next() < 0.1 ? null : Math.floor(next() * 90_000),
      priceVersion: 1,
      latencyMs: Math.floor(next() * next() * 70_000),
      ttftMs: null,
      fallback: next() < 0.1,
      createdAt: from + Math.floor(next() * (to - from)),
    };
  });
}

const localDay = (ms: number): number => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
};
const hourOf = (ms: number): number => ms - (ms % HOUR);

/** What a user would add up by hand from the events of one group. */
function expectedRow(events: readonly UsageEvent[]) {
  const histogram = new Array<number>(19).fill(0);
  const errorClasses: Record<string, number> = {};
  for (const e of events) {
    histogram[bucketIndex(e.latencyMs)]! += 1;
    if (e.errorClass) errorClasses[e.errorClass] = (errorClasses[e.errorClass] ?? 0) + 1;
  }
  const sum = (f: (e: UsageEvent) => number) => events.reduce((a, e) => a + f(e), 0);
  return {
    calls: events.length,
    errors: sum((e) => (e.status === 'error' ? 1 : 0)),
    fallbacks: sum((e) => (e.fallback ? 1 : 0)),
    inputTokens: sum((e) => e.inputTokens),
    outputTokens: sum((e) => e.outputTokens),
    cachedInputTokens: sum((e) => e.cachedInputTokens),
    costMicros: sum((e) => e.costMicros ?? 0),
    unpricedCalls: sum((e) => (e.status === 'ok' && e.costMicros === null ? 1 : 0)),
    estimatedCalls: sum((e) => (e.estimated ? 1 : 0)),
    latencyP50Ms: percentileFromHistogram(histogram, 0.5),
    latencyP95Ms: percentileFromHistogram(histogram, 0.95),
    errorClasses,
  };
}

type Row = ReturnType<typeof expectedRow> & { key: string; series?: string };

/** The app's row in expectedRow's terms (cost back in micro-dollars, as stored). */
function asExpected({ costUsd, errorRate: _rate, ...row }: StatsRow): Row {
  return { ...row, costMicros: Math.round(costUsd * 1e6) };
}

const binary = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The events the day groupings count over [from, to) (their local day from the local day of `from` on), or
 * the hourly ones (their hour from `from` on).
 */
function eventsIn(events: readonly UsageEvent[], range: { from: number; to: number }, by: 'day' | 'hour') {
  const [bucket, from] = by === 'day' ? [localDay, localDay(range.from)] : [hourOf, range.from];
  return events.filter((e) => bucket(e.createdAt) >= from && bucket(e.createdAt) < range.to);
}

/** The groups of `by` over [from, to) from a plain scan of the events, in the order the app gives them. */
function expectedGroups(events: readonly UsageEvent[], range: { from: number; to: number }, by: string): Row[] {
  const inDays = eventsIn(events, range, 'day');
  const inHours = eventsIn(events, range, 'hour');
  const keyed: Record<string, [UsageEvent[], (e: UsageEvent) => string, ((e: UsageEvent) => string)?]> = {
    provider: [inDays, (e) => e.providerName],
    task: [inDays, (e) => e.task],
    model: [inDays, (e) => e.model],
    user: [inDays, (e) => e.userId],
    day: [inDays, (e) => String(localDay(e.createdAt))],
    provider_day: [inDays, (e) => String(localDay(e.createdAt)), (e) => e.providerName],
    hour: [inHours, (e) => String(hourOf(e.createdAt))],
    hour_of_day: [inHours, (e) => String(new Date(hourOf(e.createdAt)).getHours()).padStart(2, '0')],
  };
  const [set, keyOf, seriesOf] = keyed[by]!;
  const groups = new Map<string, { key: string; series?: string; events: UsageEvent[] }>();
  for (const e of set) {
    const id = `${keyOf(e)}\0${seriesOf?.(e) ?? ''}`;
    const group = groups.get(id) ?? { key: keyOf(e), ...(seriesOf ? { series: seriesOf(e) } : {}), events: [] };
    group.events.push(e);
    groups.set(id, group);
  }
  const numeric = by === 'day' || by === 'provider_day' || by === 'hour';
  return [...groups.values()]
    .sort(
      (a, b) =>
        (numeric ? Number(a.key) - Number(b.key) : binary(a.key, b.key)) || binary(a.series ?? '', b.series ?? ''),
    )
    .map((g) => ({ key: g.key, ...(g.series !== undefined ? { series: g.series } : {}), ...expectedRow(g.events) }));
}

/** Whole local days from `start` (a local date), `days` long. */
function localDays(start: Date, days: number): { from: number; to: number } {
  const from = new Date(start.getFullYear(), start.getMonth(), start.getDate());
  return { from: from.getTime(), to: new Date(from.getFullYear(), from.getMonth(), from.getDate() + days).getTime() };
}

/**
 * Ranges of more than a month read whole month windows from the monthly rollups and only the days (hours)
 * around them from the daily (hourly) ones: in zones east and west of UTC, with and without daylight saving
 * and with half-hour offsets, every grouping must still give exactly what a plain scan of the events gives.
 */
describe.each([
  'UTC',
  'Europe/Berlin',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
])('usage stats over month boundaries in %s', (zone) => {
  let t: TestCore;
  let events: UsageEvent[];

  function setUp(): void {
    process.env.TZ = zone;
    t = testCore();
    // 2025-10-12 to 2026-04-20 local: six month ends, a year end, both daylight-saving changes. Written in
    // time order, a few hundred at a time (each commit seals the windows before its newest event), then
    // one event in ten late, after its window was sealed.
    const span = localDays(new Date(2025, 9, 12), 190);
    events = randomEvents(4_000, span.from, span.to, 20_261_203);
    const late = events.filter((_, n) => n % 10 === 0);
    const inOrder = events.filter((_, n) => n % 10 !== 0).sort((a, b) => a.createdAt - b.createdAt);
    const { usageLog } = t.core.services;
    for (let i = 0; i < inOrder.length; i += 200) {
      for (const e of inOrder.slice(i, i + 200)) usageLog.enqueue(e);
      expect(usageLog.flush()).toBe(true);
    }
    for (const e of late) usageLog.enqueue(e);
    expect(usageLog.flush()).toBe(true);
  }

  it('every grouping equals a plain scan of the events, over ranges of a day to half a year', () => {
    setUp();
    try {
      const next = random(7);
      const ranges = [localDays(new Date(2025, 9, 12), 190), localDays(new Date(2025, 10, 1), 30)];
      for (let i = 0; i < 10; i++) {
        const start = new Date(2025, 9, 12 + Math.floor(next() * 170));
        ranges.push(localDays(start, 1 + Math.floor(next() * 170)));
      }
      // Ranges that start and end inside a day (the CLI passes times as given).
      for (let i = 0; i < 3; i++) {
        const from = new Date(2025, 9, 14).getTime() + Math.floor(next() * 40 * DAY);
        ranges.push({ from, to: from + Math.floor((35 + next() * 100) * DAY) });
      }
      const { stats } = t.core.services;
      for (const range of ranges) {
        for (const by of GROUP_BYS) {
          const result = stats.query(range, by);
          const label = `${by} ${new Date(range.from).toISOString()} – ${new Date(range.to).toISOString()}`;
          expect(result.groups.map(asExpected), label).toEqual(expectedGroups(events, range, by));
          // The hourly groupings' totals are their hours' when the range is whole local days on hour
          // boundaries, else (as every other grouping's) the range's local days.
          const hourly = by === 'hour' || by === 'hour_of_day';
          const wholeHourDays = [range.from, range.to].every((ms) => localDay(ms) === ms && ms % HOUR === 0);
          const totals = eventsIn(events, range, hourly && wholeHourDays ? 'hour' : 'day');
          expect(asExpected(result.totals), `${label} totals`).toEqual({ key: 'total', ...expectedRow(totals) });
        }
        expect(stats.dashboard(range).byUser).toEqual(stats.query(range, 'user').groups);
      }
    } finally {
      t.cleanup();
    }
  });

  it('the backfill migration fills the monthly rollups and seals the windows as the group commit does', () => {
    setUp();
    try {
      const sqlite = t.core.store.sqlite;
      const monthly = () => ({
        rows: (
          sqlite.prepare('SELECT * FROM usage_monthly_by_dimension ORDER BY dimension, bucket_start, value').all() as {
            dimension: string;
            bucket_start: number;
            error_classes: string;
          }[]
        ).map((r) => ({ ...r, error_classes: JSON.parse(r.error_classes) as unknown })),
        sealed: sqlite.prepare('SELECT window_end FROM usage_monthly_sealed').pluck().all(),
      });
      const kept = monthly();
      expect(new Set(kept.rows.map((r) => r.dimension))).toEqual(
        new Set(['provider', 'task', 'model', 'user', 'utc_hour']),
      );
      // Six windows sealed: October to March (April's, the newest event's, is not).
      expect(new Set(kept.rows.map((r) => r.bucket_start)).size).toBe(6);
      sqlite.exec('DELETE FROM usage_monthly_by_dimension; DELETE FROM usage_monthly_sealed');
      const backfill = readFileSync(
        join(__dirname, '../../../drizzle/0019_usage_monthly_rollups_backfill.sql'),
        'utf8',
      );
      for (const statement of backfill.split('--> statement-breakpoint')) sqlite.exec(statement);
      expect(monthly()).toEqual(kept);
    } finally {
      t.cleanup();
    }
  });

  it('hour and provider_day read whole sealed windows from their blocks (or, without one, the rollup), which the backfill migration rebuilds', () => {
    setUp();
    try {
      const sqlite = t.core.store.sqlite;
      const { stats } = t.core.services;
      const blocks = () => sqlite.prepare('SELECT * FROM usage_window_blocks ORDER BY grouping, window_start').all();
      const kept = blocks();
      // October to March sealed (April's window, the newest event's, is not), for each of the two groupings.
      expect(kept).toHaveLength(12);
      const span = localDays(new Date(2025, 9, 1), 220);
      const answers = (['hour', 'provider_day'] as const).map((by) => stats.query(span, by));
      for (const [i, by] of (['hour', 'provider_day'] as const).entries())
        expect(answers[i]!.groups.map(asExpected), by).toEqual(expectedGroups(events, span, by));

      // They are what is read: a block that does not hold integer sums is refused, not read around.
      sqlite.exec(`UPDATE usage_window_blocks SET sums = CAST('[1.5]' AS BLOB)`);
      for (const by of ['hour', 'provider_day'] as const)
        expect(() => stats.query(span, by), by).toThrow(/usage rollups could not be read/u);
      const backfill = readFileSync(join(__dirname, '../../../drizzle/0021_usage_window_blocks_backfill.sql'), 'utf8');
      const runBackfill = () => {
        for (const statement of backfill.split('--> statement-breakpoint')) sqlite.exec(statement);
      };
      sqlite.exec('DELETE FROM usage_window_blocks');
      runBackfill();
      expect(blocks()).toEqual(kept);
      expect((['hour', 'provider_day'] as const).map((by) => stats.query(span, by))).toEqual(answers);
      // A sealed window without its block (sealed by a version that kept none) is read from the rollup instead.
      sqlite.exec(
        "DELETE FROM usage_window_blocks WHERE window_start IN (SELECT window_start FROM usage_window_blocks WHERE grouping = 'hour' ORDER BY window_start LIMIT 3)",
      );
      expect(blocks()).toHaveLength(6);
      expect((['hour', 'provider_day'] as const).map((by) => stats.query(span, by))).toEqual(answers);
      runBackfill();
      expect(blocks()).toEqual(kept);

      // Alone in its commit, an event late for the first hour of December's window (which starts 12 h before
      // December in UTC): its local day began before that, so its day's row is in November's window.
      const late: UsageEvent = { ...events[0]!, requestId: 'late-alone', createdAt: Date.UTC(2025, 10, 30, 12, 30) };
      t.core.services.usageLog.enqueue(late);
      expect(t.core.services.usageLog.flush()).toBe(true);
      for (const by of ['hour', 'provider_day'] as const)
        expect(stats.query(span, by).groups.map(asExpected), by).toEqual(expectedGroups([...events, late], span, by));
    } finally {
      t.cleanup();
    }
  });
});

describe('usage stats groupings of one row per group', () => {
  it('read their rows in key order from the key, with no sort of their own', () => {
    const t = testCore();
    try {
      const plans = [
        jsonRowsSql('bucket_start', undefined, 'usage_hour_totals', 'bucket_start >= @from AND bucket_start < @to'),
        jsonRowsSql(
          'bucket_start',
          'value',
          'usage_daily_by_dimension',
          "dimension = 'provider' AND bucket_start >= @from AND bucket_start < @to",
        ),
      ].map((sql) =>
        (t.core.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: 0, to: DAY }) as { detail: string }[])
          .map((p) => p.detail)
          .join('\n'),
      );
      expect(plans[0]).toMatch(/SEARCH usage_hour_totals USING INTEGER PRIMARY KEY/u);
      expect(plans[1]).toMatch(/SEARCH usage_daily_by_dimension USING INDEX/u);
      for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE/u);
    } finally {
      t.cleanup();
    }
  });
});
