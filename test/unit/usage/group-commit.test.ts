import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '@contract';
import { committingDispatch } from '../../../src-main/ipc/committing-dispatch';
import type { UsageEvent } from '../../../src-main/usage/usage-event';
import { testCore, type TestCore } from '../../helpers/core';

function event(t: TestCore, i: number): UsageEvent {
  return {
    requestId: `req-${i}`,
    attempt: 1,
    configId: 'cfg-openai',
    providerName: 'OpenAI',
    providerKind: 'openai',
    model: 'gpt-4o-mini',
    task: 'cv_draft',
    userId: 'alice',
    status: 'ok',
    errorClass: null,
    inputTokens: 100,
    outputTokens: 20,
    cachedInputTokens: 0,
    estimated: false,
    costMicros: 1_500,
    priceVersion: 1,
    latencyMs: 120,
    ttftMs: null,
    fallback: false,
    createdAt: t.clock.now(),
  };
}

/**
 * Calls answered in the same turn of the event loop share one transaction for their usage events, and
 * none of their answers leaves before that transaction commits.
 */
describe('group commit at the dispatch boundary', () => {
  let t: TestCore;
  // A group window far longer than the test: only the dispatch boundary can commit.
  beforeEach(() => (t = testCore({ usageGroupWindowMs: 60_000 })));
  afterEach(() => t.cleanup());

  const committedEvents = () =>
    t.core.store.sqlite.prepare('SELECT count(*) FROM usage_events').pluck().get() as number;

  it('sixteen calls answered together commit their events in one transaction before any answer leaves', async () => {
    const { usageLog } = t.core.services;
    let transactions = 0;
    const flush = usageLog.flush.bind(usageLog);
    usageLog.flush = () => {
      if (usageLog.pending() > 0) transactions++;
      return flush();
    };
    // Each call's provider answers in the same turn; the handler queues the call's usage event.
    const handler = async (_channel: string, input: unknown): Promise<Result<unknown>> => {
      await new Promise((resolve) => setImmediate(resolve));
      usageLog.enqueue(event(t, input as number));
      return { ok: true, data: input };
    };
    const dispatch = committingDispatch(handler, usageLog);
    const session = t.core.localSession('cli');
    const seenAtAnswer: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        await dispatch('usage:stats', i, session);
        seenAtAnswer.push(committedEvents());
      }),
    );
    expect(seenAtAnswer).toEqual(Array.from({ length: 16 }, () => 16));
    expect(transactions).toBe(1);
    expect(usageLog.pending()).toBe(0);
  });

  it('an answer still waits for the events queued before its call, even when its own call queued none', async () => {
    const { usageLog } = t.core.services;
    usageLog.enqueue(event(t, 1));
    const dispatch = committingDispatch(async () => ({ ok: true, data: null }), usageLog);
    await dispatch('usage:stats', {}, t.core.localSession('cli'));
    expect([committedEvents(), usageLog.pending()]).toEqual([1, 0]);
  });
});
