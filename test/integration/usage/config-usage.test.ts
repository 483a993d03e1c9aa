import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageEvent } from '../../fixtures/reliability/usage-event';
import { testCore, type TestCore } from '../../helpers/core';

/** What the budgets and the Providers page count for a config (`budgets.usage`), against `usage stats`. */
describe("a config's use today and this month, from the rollups", () => {
  let t: TestCore;
  beforeEach(() => {
    t = testCore();
  });
  afterEach(() => t.cleanup());

  it('counts the local day and month of the events, like usage stats, whether or not the config has limits', () => {
    // 15 Mar 2026 noon local; events at the edges of the day and month, and on other configs.
    const now = new Date(2026, 2, 15, 12).getTime();
    const at = (month: number, day: number, hour: number, minute = 0) =>
      new Date(2026, month, day, hour, minute).getTime();
    const times = [
      at(2, 15, 0, 0), // today's first minute
      at(2, 15, 11, 59),
      at(2, 14, 23, 59), // yesterday
      at(2, 1, 0, 0), // this month's first minute
      at(2, 31, 23, 59), // later this month
      at(1, 28, 23, 59), // last month
      at(3, 1, 0, 0), // next month
    ];
    let n = 0;
    for (const createdAt of times)
      for (const config of [0, 1, 2]) {
        // usageEvent varies the config with n % 3: keep n so that this event is for `config-${config}`.
        while (n % 3 !== config || n % 17 === 0) n++;
        t.core.services.usageLog.record({ ...usageEvent(n, 'config-usage'), createdAt });
        n++;
      }
    t.core.services.usageLog.flush();

    const events = t.core.store.sqlite
      .prepare(
        "SELECT created_at AS at, input_tokens + output_tokens AS tokens, cost_micros AS cost FROM usage_events WHERE config_id = 'config-1'",
      )
      .all() as { at: number; tokens: number; cost: number }[];
    const sum = (from: number, to: number) =>
      events
        .filter((e) => e.at >= from && e.at < to)
        .reduce((s, e) => ({ tokens: s.tokens + e.tokens, cost: s.cost + e.cost }), { tokens: 0, cost: 0 });
    const day = sum(at(2, 15, 0), at(2, 16, 0));
    const month = sum(at(2, 1, 0), at(3, 1, 0));
    expect(day.tokens).toBeGreaterThan(0);
    expect(month.tokens).toBeGreaterThan(day.tokens);

    expect(t.core.services.budgets.usage('config-1', now)).toEqual({
      dayTokens: day.tokens,
      dayCostMicros: day.cost,
      monthTokens: month.tokens,
      monthCostMicros: month.cost,
    });
    const stats = t.core.services.stats.query({ from: at(2, 15, 0), to: at(2, 16, 0) }, 'provider');
    const provider1 = stats.groups.find((g) => g.key === 'provider-1')!;
    expect(provider1.inputTokens + provider1.outputTokens).toBe(day.tokens);
  });
});
