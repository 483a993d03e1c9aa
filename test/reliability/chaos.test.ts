import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_ERROR_CLASSES, TASKS } from '@contract';
import type { LlmProvider } from '../../src-main/providers/types';
import { chatRequests, prompt, routingWorld, type RoutingWorld } from '../helpers/routing';
import { ledgerMismatches } from './support/budget-check';
import { chaosFault } from './support/chaos-faults';
import { outcomeOf, type Outcome } from './support/outcomes';
import { seededRandom, testSeed } from './support/prng';

const REQUESTS = 500;
const CONCURRENCY = 10;
/** Per request (configs may not go below 1 s): timeouts are part of the chaos, so keep them short. */
const TIMEOUT_MS = 400;

describe('chaos: 500 requests over three misbehaving providers', () => {
  const seed = testSeed();
  const random = seededRandom(seed);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  let w: RoutingWorld;

  /** Calls into a provider adapter (each is one attempt), counted as the router makes them. */
  let attempts = 0;
  const countingAttempts = (provider: LlmProvider): LlmProvider =>
    Object.assign(Object.create(provider) as LlmProvider, {
      generate: (...args: Parameters<LlmProvider['generate']>) => (attempts++, provider.generate(...args)),
      stream: (...args: Parameters<LlmProvider['stream']>) => (attempts++, provider.stream(...args)),
    });

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    w = await routingWorld(3);
    const calls = w.core.services.configuredProviders;
    const providerFor = calls.providerFor.bind(calls);
    calls.providerFor = (row) => countingAttempts(providerFor(row));
    for (const [i, emulator] of w.emulators.entries()) {
      await w.addProvider(`chaos-${i}`, emulator, {
        priority: i + 1,
        isDefault: i === 0,
        maxOutputTokens: 64,
        dailyTokenLimit: 50_000_000,
        monthlyTokenLimit: 500_000_000,
        monthlyCostLimitUsd: 10_000,
      });
      // Enough faults for every request any provider could see; `{}` answers normally.
      emulator.pushFaults(...Array.from({ length: REQUESTS * 3 }, () => chaosFault(random, TIMEOUT_MS)));
    }
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await w.close();
  });

  it(`every request succeeds or fails with a classified error, and the books balance (seed ${seed})`, async () => {
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < REQUESTS) {
        const i = next++;
        // Time moves on (3 s a request) so open circuits cool down and get probed again.
        w.clock.advance(3_000);
        const task = TASKS[Math.floor(random() * TASKS.length)] ?? 'extraction';
        const call = w.core.services.router.route({
          task,
          userId: `user-${i % 7}`,
          request: {
            ...prompt(`Chaos request ${i}: extract the job title from this posting.`),
            maxOutputTokens: 64,
            timeoutMs: TIMEOUT_MS,
          },
          ...(random() < 0.4 ? { onStream: () => undefined } : {}),
        });
        const [settled] = await Promise.allSettled([call]);
        outcomes.push(outcomeOf(settled!));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await w.committed();
    const { sqlite } = w.core.store;

    const tally: Record<string, number> = {};
    for (const o of outcomes) {
      const key = o.kind === 'error' ? o.code : o.kind;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    console.log(`chaos (seed ${seed}): outcomes`, tally, 'attempts per provider', w.emulators.map(chatRequests));
    expect(outcomes).toHaveLength(REQUESTS);
    expect(outcomes.filter((o) => o.kind === 'unclassified')).toEqual([]);
    expect(outcomes.filter((o) => o.kind === 'ok').length).toBeGreaterThan(REQUESTS / 2);

    // One usage event per attempt. Every request an emulator received was an attempt; an attempt may fail
    // before its request arrives (a timeout while this loaded process had not read it yet).
    const sent = w.emulators.reduce((sum, e) => sum + chatRequests(e), 0);
    const events = sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get() as number;
    expect(events).toBe(attempts);
    expect(sent).toBeLessThanOrEqual(attempts);
    const classes = sqlite
      .prepare('SELECT DISTINCT error_class FROM usage_events WHERE error_class IS NOT NULL')
      .pluck()
      .all() as string[];
    expect(classes.every((c) => (PROVIDER_ERROR_CLASSES as readonly string[]).includes(c))).toBe(true);
    expect(classes.length).toBeGreaterThanOrEqual(2);
    expect(sqlite.prepare('SELECT coalesce(sum(calls), 0) FROM usage_daily').pluck().get()).toBe(events);

    // Every reservation was settled or released, and the counters hold exactly the settled usage.
    expect(w.core.services.budgets.outstandingReservations()).toBe(0);
    expect(ledgerMismatches(sqlite)).toEqual([]);

    expect(unhandled).toEqual([]);
  }, 60_000);
});
