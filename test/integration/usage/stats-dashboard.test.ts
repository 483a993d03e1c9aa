import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageEvent } from '../../fixtures/reliability/usage-event';
import { testCore, type TestCore } from '../../helpers/core';

/** Provider and user names whose SQLite (UTF-8 byte) order differs from a locale's or from case-folded order. */
const PROVIDERS = ['Zeta', 'alpha', 'Ölama', 'Beta', 'émulé', '東京'];
const USERS = ['bob', 'Alice', 'Émile', 'zoë'];

describe('usage dashboard', () => {
  let t: TestCore;
  let range: { from: number; to: number };

  beforeEach(() => {
    t = testCore();
    const today = new Date();
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 4).getTime();
    range = { from: start, to: new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime() };
    // 300 events over four days and today: several providers, tasks and users, some errors and cached input.
    for (let n = 0; n < 300; n++) {
      const event = usageEvent(n, 'dashboard');
      t.core.services.usageLog.record({
        ...event,
        providerName: PROVIDERS[n % PROVIDERS.length] ?? 'Zeta',
        userId: USERS[n % USERS.length] ?? 'bob',
        cachedInputTokens: n % 7 === 0 ? Math.floor(event.inputTokens / 2) : 0,
        createdAt: Math.min(start + n * 1_300_000, Date.now()),
      });
    }
    // Outside the range: must not count.
    t.core.services.usageLog.record({ ...usageEvent(1, 'outside'), createdAt: start - 1 });
    t.core.services.usageLog.flush();
  });
  afterEach(() => t.cleanup());

  it('gives each grouping exactly what usage:stats gives for it, in the same order, with the same totals', () => {
    const stats = t.core.services.stats;
    const dashboard = stats.dashboard(range);
    expect(dashboard.byProvider).toEqual(stats.query(range, 'provider').groups);
    expect(dashboard.byProviderDay).toEqual(stats.query(range, 'provider_day').groups);
    expect(dashboard.byDay).toEqual(stats.query(range, 'day').groups);
    expect(dashboard.byTask).toEqual(stats.query(range, 'task').groups);
    expect(dashboard.byUser).toEqual(stats.query(range, 'user').groups);
    expect(dashboard.byHourOfDay).toEqual(stats.query(range, 'hour_of_day').groups);
    expect(dashboard.totals).toEqual(stats.query(range, 'provider').totals);
    expect({ from: dashboard.from, to: dashboard.to }).toEqual({ from: range.from, to: range.to });

    expect(dashboard.byProvider.map((g) => g.key)).toEqual(['Beta', 'Zeta', 'alpha', 'Ölama', 'émulé', '東京']);
    expect(dashboard.byUser.map((g) => g.key)).toEqual(['Alice', 'bob', 'zoë', 'Émile']);
    expect(dashboard.totals.calls).toBe(300);
    expect(dashboard.totals.errors).toBeGreaterThan(0);
    expect(Object.keys(dashboard.totals.errorClasses)).toEqual(['unavailable']);
  });

  it('answers through dispatch with the contract’s output schema', async () => {
    const result = await t.core.dispatch('usage:dashboard', range, t.core.localSession('cli'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toEqual(JSON.parse(JSON.stringify(t.core.services.stats.dashboard(range))));
    const backwards = await t.core.dispatch(
      'usage:dashboard',
      { from: range.to, to: range.from },
      t.core.localSession('cli'),
    );
    expect(backwards.ok).toBe(false);
  });

  it('is empty, with zero totals, for a range without events', () => {
    const dashboard = t.core.services.stats.dashboard({
      from: range.from - 10 * 86_400_000,
      to: range.from - 86_400_000,
    });
    expect(dashboard.totals.calls).toBe(0);
    for (const groups of [
      dashboard.byProvider,
      dashboard.byProviderDay,
      dashboard.byDay,
      dashboard.byTask,
      dashboard.byUser,
      dashboard.byHourOfDay,
    ])
      expect(groups).toEqual([]);
  });
});
