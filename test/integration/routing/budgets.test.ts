import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '@shared/display-format';
import { estimateRequestTokens } from '../../../src-main/routing/estimate';
import { nextLocalMidnight } from '../../../src-main/usage/periods';
import { chatRequests, prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';

describe('token budgets', () => {
  let w: RoutingWorld;
  afterEach(() => w.close());

  const request = prompt('Summarise the posting please.');
  const perCall = () => estimateRequestTokens(request) + 64; // input estimate + max output

  /** What the budget counts for the config today and this month (from the rollups), with nothing in flight. */
  const counted = (name: string) => {
    const used = w.core.services.budgets.usage(w.core.services.providers.getByName(name).id);
    return [used.dayTokens, used.monthTokens];
  };
  const ledgerSum = () =>
    (
      w.core.store.sqlite
        .prepare("SELECT coalesce(sum(used_tokens), 0) AS n FROM budget_ledger WHERE state = 'settled'")
        .get() as { n: number }
    ).n;

  it('50 concurrent calls against a budget that fits 10: exactly 10 dispatched, the rest get a typed budget error', async () => {
    w = await routingWorld(1);
    await w.addProvider('small', w.emulators[0]!, {
      dailyTokenLimit: perCall() * 10,
      onLimit: 'error',
      maxOutputTokens: 64,
    });
    w.emulators[0]!.pushFaults({ latencyMs: 150, times: 50 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        w.core.services.router.route({
          task: 'extraction',
          userId: 'ana',
          request: { ...request, maxOutputTokens: 64 },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(chatRequests(w.emulators[0]!)).toBe(10);
    for (const r of rejected) {
      expect(r.reason).toMatchObject({ code: 'budget_exceeded', details: { limit: 'daily_tokens' } });
      // The ten calls in flight hold their worst case until they settle: the refusal says so.
      expect((r.reason as Error).message).toMatch(
        new RegExp(
          `^small cannot take this call within its daily token limit: this call may use up to ${perCall()} tokens; ` +
            `${perCall() * 10} of ${perCall() * 10} used today( \\([\\d,]+ of it held by calls in progress\\))?; ` +
            `resets ${formatDateTime(nextLocalMidnight(w.clock.now()))}\\.$`,
          'u',
        ),
      );
    }
    await w.committed();
    expect(w.core.services.budgets.outstandingReservations()).toBe(0);
    // The budget counts exactly the settled usage, below the limit.
    for (const tokens of counted('small')) expect(tokens).toBe(ledgerSum());
    expect(ledgerSum()).toBeLessThanOrEqual(perCall() * 10);
  });

  it('a call whose worst case alone is over the limit is refused, and the error says so', async () => {
    w = await routingWorld(1);
    await w.addProvider('tiny', w.emulators[0]!, {
      dailyTokenLimit: perCall() - 1,
      onLimit: 'error',
      maxOutputTokens: 64,
    });
    const refused = await w.core.services.router
      .route({ task: 'extraction', userId: 'ana', request: { ...request, maxOutputTokens: 64 } })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'budget_exceeded',
      details: { limit: 'daily_tokens', call: perCall(), used: 0, held: 0, max: perCall() - 1 },
    });
    expect((refused as Error).message).toBe(
      `tiny cannot take this call within its daily token limit: this call may use up to ${perCall()} tokens; ` +
        `0 of ${perCall() - 1} used today; resets ${formatDateTime(nextLocalMidnight(w.clock.now()))}. This call alone is more than the whole ` +
        `limit: lower the provider's max output tokens or raise the limit.`,
    );
    expect(chatRequests(w.emulators[0]!)).toBe(0);
  });

  it('with fallback, calls over the limit go to the next provider', async () => {
    w = await routingWorld(2);
    await w.addProvider('small', w.emulators[0]!, {
      dailyTokenLimit: perCall(),
      onLimit: 'fallback',
      maxOutputTokens: 64,
      priority: 1,
    });
    await w.addProvider('big', w.emulators[1]!, { priority: 2, maxOutputTokens: 64 });
    w.emulators[0]!.pushFaults({ latencyMs: 100, times: 5 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        w.core.services.router.route({
          task: 'extraction',
          userId: 'ana',
          request: { ...request, maxOutputTokens: 64 },
        }),
      ),
    );
    expect(answers.filter((a) => a.providerName === 'small')).toHaveLength(1);
    expect(answers.filter((a) => a.providerName === 'big')).toHaveLength(4);
    expect(answers.find((a) => a.providerName === 'big')!.attempts[0]).toMatchObject({
      outcome: 'skipped',
      reason: 'over_budget',
    });
  });

  it('after random failures and aborts, outstanding reservations are exactly zero', async () => {
    w = await routingWorld(1);
    await w.addProvider('p', w.emulators[0]!, {
      dailyTokenLimit: 10_000_000,
      monthlyTokenLimit: 20_000_000,
      maxOutputTokens: 64,
    });
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const calls = Array.from({ length: 40 }, (_, i) => {
      const roll = rnd();
      if (roll < 0.25) w.emulators[0]!.pushFaults({ status: 500 });
      else if (roll < 0.4) w.emulators[0]!.pushFaults({ status: 400 });
      const controller = new AbortController();
      const call = w.core.services.router.route({
        task: 'extraction',
        userId: 'ana',
        request: { ...request, maxOutputTokens: 64 },
        signal: controller.signal,
        requestId: `r${i}`,
        ...(i % 3 === 0 ? { onStream: () => undefined } : {}),
      });
      if (roll > 0.85) setTimeout(() => controller.abort(), 1);
      return call;
    });
    await Promise.allSettled(calls);
    await w.committed();
    expect(w.core.services.budgets.outstandingReservations()).toBe(0);
    for (const tokens of counted('p')) expect(tokens).toBe(ledgerSum());
  });
});

describe('circuit breaker in the router', () => {
  let w: RoutingWorld;
  afterEach(() => w.close());

  it('opens after 5 failures: the provider is skipped (circuit_open) and nothing is sent to it', async () => {
    w = await routingWorld(2);
    await w.addProvider('flaky', w.emulators[0]!, { priority: 1 });
    await w.addProvider('steady', w.emulators[1]!, { priority: 2 });
    w.emulators[0]!.pushFaults({ status: 503, times: 5 });
    await w.core.services.router.route({ task: 'extraction', userId: 'u', request: prompt('a') }); // 3 failures
    await w.core.services.router.route({ task: 'extraction', userId: 'u', request: prompt('b') }); // 2 more → open
    const before = chatRequests(w.emulators[0]!);
    const answer = await w.core.services.router.route({ task: 'extraction', userId: 'u', request: prompt('c') });
    expect(answer.attempts[0]).toMatchObject({ providerName: 'flaky', outcome: 'skipped', reason: 'circuit_open' });
    expect(chatRequests(w.emulators[0]!)).toBe(before);
    // After the cooldown one probe goes out; it succeeds and the circuit closes.
    w.clock.advance(30_000);
    const probe = await w.core.services.router.route({ task: 'extraction', userId: 'u', request: prompt('d') });
    expect(probe.providerName).toBe('flaky');
    expect(w.core.services.breakers.state(w.core.services.providers.getByName('flaky').id)).toBe('closed');
  });
});
