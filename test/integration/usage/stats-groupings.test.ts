import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GROUP_BYS } from '@contract';
import { usageEvent } from '../../fixtures/reliability/usage-event';
import { testCore, type TestCore } from '../../helpers/core';

const HOUR = 3_600_000;

describe('usage stats groupings', () => {
  let t: TestCore;
  /** Local midnight three days ago, and the range of those three whole days. */
  let start: number;
  let range: { from: number; to: number };

  beforeEach(() => {
    t = testCore();
    const today = new Date();
    start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 3).getTime();
    range = { from: start, to: new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime() };
    // 150 events spread over the three days (one every ~29 minutes), varied providers, tasks, users, errors.
    for (let n = 0; n < 150; n++)
      t.core.services.usageLog.record({ ...usageEvent(n, 'stats'), createdAt: start + n * 1_740_000 });
  });
  afterEach(() => t.cleanup());

  const stats = (by: (typeof GROUP_BYS)[number]) => t.core.services.stats.query(range, by);

  it('hour_of_day folds the hours into local hours 00–23 with the same totals as every other grouping', () => {
    const events = t.core.services.usageEvents.latest(1000).filter((e) => e.createdAt < range.to);
    const byHour = stats('hour_of_day');
    expect(byHour.groups.map((g) => g.key)).toEqual(
      Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')).filter((key) =>
        events.some((e) => new Date(e.createdAt).getHours() === Number(key)),
      ),
    );
    for (const g of byHour.groups) {
      const inHour = events.filter((e) => new Date(e.createdAt).getHours() === Number(g.key));
      expect(g.calls, g.key).toBe(inHour.length);
      expect(g.errors, g.key).toBe(inHour.filter((e) => e.status === 'error').length);
      expect(g.inputTokens, g.key).toBe(inHour.reduce((a, e) => a + e.inputTokens, 0));
    }
    for (const by of GROUP_BYS) expect(stats(by).totals, by).toEqual(byHour.totals);
    expect(byHour.totals.calls).toBe(events.length);
    expect(byHour.totals.errorClasses).toEqual({ unavailable: events.filter((e) => e.status === 'error').length });
  });

  it('hour keeps one group per hour bucket, keyed by its start, in order', () => {
    const keys = stats('hour').groups.map((g) => Number(g.key));
    expect(keys.length).toBe((range.to - range.from) / HOUR);
    expect(
      keys.every((k, i) => k % HOUR === 0 && k >= range.from && k < range.to && (i === 0 || k > keys[i - 1]!)),
    ).toBe(true);
    expect(stats('hour').groups.reduce((a, g) => a + g.calls, 0)).toBe(stats('provider').totals.calls);
  });

  it('hour and provider_day give each group its error classes in the order they first occurred, none without errors', () => {
    // The first hour of a day a week before the others: an ok call, then errors of two classes, the
    // later-named one first; an ok call in the next hour.
    const day = new Date(start);
    const hour = new Date(day.getFullYear(), day.getMonth(), day.getDate() - 7).getTime();
    const nextDay = new Date(day.getFullYear(), day.getMonth(), day.getDate() - 6).getTime();
    const record = (n: number, at: number, errorClass: string | null) =>
      t.core.services.usageLog.record({
        ...usageEvent(1000 + n, 'classes'),
        providerName: 'provider-0',
        status: errorClass ? 'error' : 'ok',
        errorClass,
        createdAt: at,
      });
    record(0, hour + 60_000, null);
    record(1, hour + 120_000, 'timeout');
    record(2, hour + 180_000, 'rate_limited');
    record(3, hour + 240_000, 'timeout');
    record(4, hour + HOUR + 60_000, null);
    const { stats: usage } = t.core.services;
    const hours = usage.query({ from: hour, to: hour + 2 * HOUR }, 'hour').groups;
    expect(hours.map((g) => [g.key, g.calls, g.errors, JSON.stringify(g.errorClasses)])).toEqual([
      [String(hour), 4, 3, '{"timeout":2,"rate_limited":1}'],
      [String(hour + HOUR), 1, 0, '{}'],
    ]);
    const days = usage.query({ from: hour, to: nextDay }, 'provider_day').groups;
    expect(days.map((g) => [g.series, g.calls, JSON.stringify(g.errorClasses)])).toEqual([
      ['provider-0', 5, '{"timeout":2,"rate_limited":1}'],
    ]);
  });

  it('hour and provider_day over a range without events give no groups and zero totals', () => {
    const empty = { from: start - 30 * 24 * HOUR, to: start - 29 * 24 * HOUR };
    for (const by of ['hour', 'provider_day'] as const) {
      const result = t.core.services.stats.query(empty, by);
      expect(result.groups, by).toEqual([]);
      expect(result.totals, by).toMatchObject({ calls: 0, costUsd: 0, latencyP50Ms: null, errorClasses: {} });
    }
  });

  it('the hourly groupings read one row per hour, by its key', () => {
    const plan = t.core.store.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT bucket_start, sum(calls), sum(lat_b18),
           group_concat(CASE WHEN errors > 0 THEN error_classes END, ',')
         FROM usage_hour_totals WHERE bucket_start >= ? AND bucket_start < ? GROUP BY bucket_start`,
      )
      .all(range.from, range.to) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH usage_hour_totals USING INTEGER PRIMARY KEY/u);
    const hours = t.core.store.sqlite.prepare('SELECT count(*) FROM usage_hour_totals').pluck().get();
    const perProviderHours = t.core.store.sqlite
      .prepare('SELECT count(DISTINCT bucket_start) FROM usage_hourly')
      .pluck()
      .get();
    expect(hours).toBe(perProviderHours);
  });

  /** Each row key's sums and error-class counts in `table` (optionally one dimension's rows). */
  function rollupSums(table: string, keyColumn: string, where = '1') {
    const keySql = `r.bucket_start, ${keyColumn === '' ? "''" : `r.${keyColumn}`}`;
    const sqlite = t.core.store.sqlite;
    const columns = ['calls', 'errors', 'input_tokens', 'output_tokens', 'cost_micros', 'latency_sum_ms', 'lat_b7'];
    const sums = columns.map((c) => `sum(${c})`).join(', ');
    return {
      sums: sqlite
        .prepare(`SELECT ${keySql}, ${sums} FROM ${table} r WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`)
        .raw()
        .all(),
      errors: sqlite
        .prepare(
          `SELECT ${keySql}, e.key, sum(e.value) FROM ${table} r, json_each(r.error_classes) e
           WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        )
        .raw()
        .all(),
    };
  }

  it('the hour totals hold what the per-provider hourly rows add up to, error classes included', () => {
    const totals = rollupSums('usage_hour_totals', '');
    expect(totals).toEqual(rollupSums('usage_hourly', ''));
    expect(totals.errors.length).toBeGreaterThan(0);
  });

  it('each per-dimension daily rollup holds what the all-dimensions daily rows add up to', () => {
    for (const [dimension, column] of [
      ['provider', 'provider_name'],
      ['task', 'task'],
      ['model', 'model'],
      ['user', 'user_id'],
    ] as const) {
      const perDimension = rollupSums('usage_daily_by_dimension', 'value', `r.dimension = '${dimension}'`);
      expect(perDimension, dimension).toEqual(rollupSums('usage_daily', column));
      expect(perDimension.sums.length, dimension).toBeGreaterThan(3);
    }
  });
});
