import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatRequests, closedPort, prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';

describe('router failover matrix (emulated providers)', () => {
  let w: RoutingWorld;
  beforeEach(async () => {
    w = await routingWorld(2);
    await w.addProvider('primary', w.emulators[0]!, { isDefault: true, priority: 1 });
    await w.addProvider('secondary', w.emulators[1]!, { priority: 2 });
  });
  afterEach(() => w.close());

  const [A, B] = [0, 1];
  const route = (extra = {}) =>
    w.core.services.router.route({ task: 'extraction', userId: 'ana', request: prompt('Extract this'), ...extra });
  const events = () => {
    w.core.services.usageLog.flush(); // the group commit, without waiting for its turn
    return w.core.services.usageEvents.latest(100).reverse();
  };

  it('retries a 503 twice with backoff, then fails over; every attempt is logged under one request id', async () => {
    w.emulators[A]!.pushFaults({ status: 503, times: 3 });
    const answer = await route();
    expect(answer.providerName).toBe('secondary');
    expect(answer.fallback).toBe(true);
    expect(chatRequests(w.emulators[A]!)).toBe(3);
    expect(chatRequests(w.emulators[B]!)).toBe(1);
    expect(w.waits).toHaveLength(2);
    expect(w.waits[1]!).toBeGreaterThan(w.waits[0]!);
    const logged = events();
    expect(logged.map((e) => [e.providerName, e.attempt, e.status, e.errorClass])).toEqual([
      ['primary', 1, 'error', 'unavailable'],
      ['primary', 2, 'error', 'unavailable'],
      ['primary', 3, 'error', 'unavailable'],
      ['secondary', 4, 'ok', null],
    ]);
    expect(new Set(logged.map((e) => e.requestId))).toEqual(new Set([answer.requestId]));
    expect(answer.attempts.map((a) => a.outcome)).toEqual(['error', 'error', 'error', 'ok']);
  });

  it('honours Retry-After on a 429 and retries the same provider', async () => {
    w.emulators[A]!.pushFaults({ status: 429, retryAfterSeconds: 2 });
    const answer = await route();
    expect(answer.providerName).toBe('primary');
    expect(w.waits).toEqual([2000]);
    expect(chatRequests(w.emulators[A]!)).toBe(2);
    expect(chatRequests(w.emulators[B]!)).toBe(0);
  });

  it('does not wait for a Retry-After beyond the cap: fails over at once', async () => {
    w.emulators[A]!.pushFaults({ status: 429, retryAfterSeconds: 120 });
    const answer = await route();
    expect(answer.providerName).toBe('secondary');
    expect(w.waits).toEqual([]);
    expect(chatRequests(w.emulators[A]!)).toBe(1);
  });

  it('returns a bad_request at once, without failover', async () => {
    w.emulators[A]!.pushFaults({ status: 400 });
    await expect(route()).rejects.toMatchObject({ errorClass: 'bad_request' });
    expect(chatRequests(w.emulators[B]!)).toBe(0);
    expect(events()).toHaveLength(1);
  });

  it('marks the key invalid on 401, fails over, and skips the config afterwards', async () => {
    w.emulators[A]!.pushFaults({ status: 401 });
    expect((await route()).providerName).toBe('secondary');
    expect(w.core.services.providers.getByName('primary').keyInvalid).toBe(true);
    const next = await route();
    expect(next.attempts[0]).toMatchObject({ providerName: 'primary', outcome: 'skipped', reason: 'key_invalid' });
    expect(chatRequests(w.emulators[A]!)).toBe(1);
  });

  it('fails over on context_length without retrying', async () => {
    w.emulators[A]!.pushFaults({ status: 400, contextLength: true });
    const answer = await route();
    expect(answer.providerName).toBe('secondary');
    expect(answer.attempts[0]).toMatchObject({ reason: 'context_length' });
    expect(chatRequests(w.emulators[A]!)).toBe(1);
  });

  it('repairs invalid output once, then fails over (invalid_output)', async () => {
    w.emulators[A]!.pushReplies('not json', 'still not json');
    w.emulators[B]!.pushReplies('{"ok":true}');
    const answer = await route({
      checkOutput: (text: string) =>
        text.startsWith('{')
          ? { ok: true as const }
          : {
              ok: false as const,
              problem: 'not JSON',
              repair: [
                { role: 'assistant' as const, content: [{ type: 'text' as const, text }] },
                { role: 'user' as const, content: [{ type: 'text' as const, text: 'Answer with JSON only.' }] },
              ],
            },
    });
    expect(answer.text).toBe('{"ok":true}');
    expect(chatRequests(w.emulators[A]!)).toBe(2);
    expect(answer.attempts.filter((a) => a.reason === 'invalid_output')).toHaveLength(2);
    // The repair request carried the bad answer and the instruction.
    const repair = w.emulators[A]!.requests().filter((r) => r.path.endsWith('/chat/completions'))[1]!;
    expect(JSON.stringify(repair.body)).toContain('Answer with JSON only.');
  });

  it('fails over when a provider is offline (connection refused)', async () => {
    await w.core.services.providers.update(
      'primary',
      { baseUrl: `http://127.0.0.1:${await closedPort()}/v1` },
      undefined,
      't',
    );
    const answer = await route();
    expect(answer.providerName).toBe('secondary');
    expect(answer.attempts[0]).toMatchObject({ reason: 'offline' });
  });

  it('fails with every attempt in the trail when all providers fail', async () => {
    w.emulators[A]!.pushFaults({ status: 500, times: 3 });
    w.emulators[B]!.pushFaults({ status: 500, times: 3 });
    await expect(route()).rejects.toMatchObject({ code: 'provider_error' });
    expect(events()).toHaveLength(6);
  });

  it('streams, and signals a reset when a cut stream is replaced by another provider', async () => {
    w.emulators[A]!.pushFaults({ cutAfterChunks: 4, chunkDelayMs: 15, times: 3 });
    w.emulators[A]!.pushReplies(...Array(3).fill('one two three four five six seven eight'));
    w.emulators[B]!.pushReplies('Hello from secondary');
    const seen: string[] = [];
    const answer = await route({
      onStream: (e: { type: string; text?: string }) => seen.push(e.type === 'text' ? `t:${e.text}` : 'reset'),
    });
    expect(answer.providerName).toBe('secondary');
    expect(seen.slice(0, 2)).toEqual(['t:one ', 't:two ']);
    expect(seen).toContain('reset');
    const afterLastReset = seen
      .slice(seen.lastIndexOf('reset') + 1)
      .map((s) => s.slice(2))
      .join('');
    expect(afterLastReset).toBe('Hello from secondary');
    expect(answer.text).toBe('Hello from secondary');
  });
});

describe('cancelling a routed request', () => {
  it('an abort during a backoff wait ends the request with a classified `aborted` error', async () => {
    // A real sleep, so the abort lands while the router waits to retry.
    const w = await routingWorld(1, undefined, { realSleep: true });
    try {
      await w.addProvider('p', w.emulators[0]!);
      const controller = new AbortController();
      w.emulators[0]!.pushFaults({ status: 503, times: 3 });
      const pending = w.core.services.router.route({
        task: 'extraction',
        userId: 'u',
        request: prompt('x'),
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toMatchObject({ errorClass: 'aborted' });
      await w.committed();
      expect(w.core.services.budgets.outstandingReservations()).toBe(0);
    } finally {
      await w.close();
    }
  });
});
