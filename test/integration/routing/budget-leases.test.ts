import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateRequestTokens } from '../../../src-main/routing/estimate';
import { testCore, type TestCore } from '../../helpers/core';
import {
  chatRequests,
  prompt,
  routingWorld,
  tokensCountedInDatabase,
  untilCommitted,
  type RoutingWorld,
} from '../../helpers/routing';
import { dayKey, startOfLocalDay } from '../../../src-main/usage/periods';

describe('budget leases: one reservation transaction for many calls', () => {
  let w: RoutingWorld;
  let other: TestCore | null = null;
  afterEach(async () => {
    other?.cleanup();
    other = null;
    await w.close();
  });

  const request = { ...prompt('Summarise the posting please.'), maxOutputTokens: 64 };
  const perCall = () => estimateRequestTokens(request) + 64;
  const dayCounter = (t: { core: TestCore['core'] }) => ({ get: tokensCountedInDatabase(t.core.store.sqlite) });
  const usedTokens = (t: { core: TestCore['core'] }) =>
    t.core.store.sqlite
      .prepare('SELECT coalesce(sum(input_tokens + output_tokens), 0) FROM usage_events')
      .pluck()
      .get() as number;

  it('reserves for several calls at once, shows only what was used, and gives the rest back once idle', async () => {
    w = await routingWorld(1);
    await w.addProvider('p', w.emulators[0]!, { dailyTokenLimit: 1_000_000, maxOutputTokens: 64 });
    const configId = w.core.services.providers.getByName('p').id;
    for (let i = 0; i < 3; i++) await w.core.services.router.route({ task: 'extraction', userId: 'ana', request });
    await untilCommitted(w.core); // the usage group commit

    const ledger = w.core.store.sqlite.prepare("SELECT count(*) FROM budget_ledger WHERE state = 'reserved'").pluck();
    expect(ledger.get()).toBe(1); // one lease served the three calls
    expect(dayCounter(w).get()).toBeGreaterThan(usedTokens(w)); // the lease's unused part is still reserved
    expect(w.core.services.budgets.usage(configId).dayTokens).toBe(usedTokens(w)); // the page shows the real use

    // Nothing in flight: within about a second the unused part goes back, unprompted.
    await vi.waitFor(() => expect(ledger.get()).toBe(0), { timeout: 5_000, interval: 100 });
    expect(dayCounter(w).get()).toBe(usedTokens(w));
  });

  it('calls that used more than they reserved count once: a call that fits what is left still goes through', async () => {
    w = await routingWorld(1);
    const actual = perCall() + 10; // the provider reports more than the estimate reserved
    await w.addProvider('p', w.emulators[0]!, {
      dailyTokenLimit: 3 * actual + perCall(),
      onLimit: 'error',
      maxOutputTokens: 64,
    });
    const configId = w.core.services.providers.getByName('p').id;
    const route = () => w.core.services.router.route({ task: 'extraction', userId: 'ana', request });
    for (let i = 0; i < 4; i++)
      w.emulators[0]!.pushReplies({ text: `ok ${i}`, usage: { input: actual - 5, output: 5 } });
    for (let i = 0; i < 3; i++) await route();
    await untilCommitted(w.core); // the lease is still open, and its calls used more than it reserved
    expect(w.core.services.budgets.usage(configId).dayTokens).toBe(3 * actual);

    await route(); // exactly fits: 3 × actual + its worst case
    await untilCommitted(w.core);
    expect(w.core.services.budgets.usage(configId).dayTokens).toBe(4 * actual);
    await expect(route()).rejects.toMatchObject({
      code: 'budget_exceeded',
      details: { used: 4 * actual, call: perCall(), held: 0 },
    });
    expect(chatRequests(w.emulators[0]!)).toBe(4);
  });

  it('a lease left open by a process that died is released at the next start, keeping what its calls used', async () => {
    w = await routingWorld(1);
    await w.addProvider('p', w.emulators[0]!, { dailyTokenLimit: 1_000_000, maxOutputTokens: 64 });
    for (let i = 0; i < 2; i++) await w.core.services.router.route({ task: 'extraction', userId: 'ana', request });
    await untilCommitted(w.core); // the lease is still open
    expect(w.core.services.budgets.outstandingReservations()).toBe(1);

    // The next start (another process, a quarter of an hour later) finds the dead one's lease.
    w.clock.advance(16 * 60_000);
    other = testCore({ dataDir: w.dataDir, clock: w.clock });
    await other.core.start();
    expect(other.core.services.budgets.outstandingReservations()).toBe(0);
    expect(dayCounter(other).get()).toBe(usedTokens(other));
    w.core.services.budgets.closeIdleLeases(); // the first process's own late close changes nothing
    expect(dayCounter(w).get()).toBe(usedTokens(w));
  });

  it('a lease ends at local midnight and after a minute: each day counts exactly what its calls used', async () => {
    w = await routingWorld(1);
    await w.addProvider('p', w.emulators[0]!, { dailyTokenLimit: 1_000_000, maxOutputTokens: 64 });
    const route = () => w.core.services.router.route({ task: 'extraction', userId: 'ana', request });
    const { sqlite } = w.core.store;
    const leases = sqlite.prepare('SELECT day_key FROM budget_ledger ORDER BY id').pluck();
    const usedOn = (day: string) =>
      sqlite
        .prepare(
          "SELECT coalesce(sum(input_tokens + output_tokens), 0) FROM usage_events WHERE date(created_at / 1000, 'unixepoch', 'localtime') = ?",
        )
        .pluck()
        .get(day) as number;
    const counter = (day: string) => {
      const [y, m, d] = day.split('-').map(Number);
      const start = startOfLocalDay(new Date(y!, m! - 1, d!).getTime());
      return tokensCountedInDatabase(sqlite, { day: { start, key: dayKey(start) } })();
    };

    const midnight = new Date(2026, 2, 10).getTime(); // local time, like the budgets' days
    w.clock.set(midnight - 1_000);
    await route();
    await route();
    w.clock.advance(2_000); // a new day: a new lease, counted on the new day
    await route();
    w.clock.advance(61_000); // a minute later, the same day: another new lease
    await route();
    expect(leases.all()).toEqual(['2026-03-09', '2026-03-10', '2026-03-10']);

    await w.committed(); // and the leases give back what their calls did not use
    expect(w.core.services.budgets.outstandingReservations()).toBe(0);
    for (const day of ['2026-03-09', '2026-03-10']) {
      expect(usedOn(day)).toBeGreaterThan(0);
      expect(counter(day)).toBe(usedOn(day));
    }
  });

  it('two processes sharing one budget never overshoot it together, and settle to the real usage', async () => {
    w = await routingWorld(1);
    await w.addProvider('p', w.emulators[0]!, {
      dailyTokenLimit: perCall() * 10,
      onLimit: 'error',
      maxOutputTokens: 64,
    });
    other = testCore({ dataDir: w.dataDir, clock: w.clock });
    const emulator = w.emulators[0]!;
    emulator.pushFaults({ latencyMs: 100, times: 24 });
    const limit = perCall() * 10;
    let peak = 0;
    const counter = dayCounter(w);
    const watch = setInterval(() => (peak = Math.max(peak, counter.get() as number)), 2);
    const calls = [w, other].flatMap((t) =>
      Array.from({ length: 12 }, () => t.core.services.router.route({ task: 'extraction', userId: 'ana', request })),
    );
    const results = await Promise.allSettled(calls);
    clearInterval(watch);

    const answered = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'budget_exceeded' });
    expect(answered).toBeLessThanOrEqual(10);
    expect(answered).toBeGreaterThanOrEqual(5);
    expect(chatRequests(emulator)).toBe(answered);
    expect(peak).toBeLessThanOrEqual(limit);

    await w.committed();
    other.core.services.usageLog.flush();
    other.core.services.budgets.closeIdleLeases();
    expect(w.core.services.budgets.outstandingReservations()).toBe(0);
    expect(counter.get()).toBe(usedTokens(w));
  });
});
