import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';

describe('usage log, costs and stats', () => {
  let w: RoutingWorld;
  beforeEach(async () => {
    w = await routingWorld(1);
  });
  afterEach(() => w.close());

  const route = () => w.core.services.router.route({ task: 'cv_draft', userId: 'ana', request: prompt('Draft') });

  it('prices input, output and cached input exactly, in integer micro-dollars', async () => {
    // gpt-4o-mini: $0.15 input, $0.60 output, $0.075 cached input per million tokens.
    await w.addProvider('oa', w.emulators[0]!, { model: 'gpt-4o-mini' });
    w.emulators[0]!.pushReplies({ text: 'done', usage: { input: 1_000_000, output: 500_000, cached: 200_000 } });
    const answer = await route();
    // 800k × 0.15 + 200k × 0.075 + 500k × 0.60 = 0.12 + 0.015 + 0.30
    expect(answer.costUsd).toBe(0.435);
    await w.committed();
    const [event] = w.core.services.usageEvents.latest(1);
    expect(event).toMatchObject({
      inputTokens: 1_000_000,
      outputTokens: 500_000,
      cachedInputTokens: 200_000,
      estimated: false,
      costUsd: 0.435,
      priceVersion: 1,
    });
    const raw = w.core.store.sqlite.prepare('SELECT cost_micros FROM usage_events').get() as { cost_micros: number };
    expect(raw.cost_micros).toBe(435_000);
  });

  it('a model without a price is unpriced (null cost), never guessed', async () => {
    await w.addProvider('local', w.emulators[0]!, { model: 'llama3.1:8b' });
    w.emulators[0]!.pushReplies({ text: 'ok', usage: { input: 100, output: 20 } });
    const answer = await route();
    expect(answer.costUsd).toBeNull();
    await w.committed();
    expect(w.core.services.usageEvents.latest(1)[0]!.costUsd).toBeNull();
    const stats = w.core.services.stats.query({ from: 0, to: w.clock.now() + 1 }, 'provider');
    expect(stats.totals.unpricedCalls).toBe(1);
  });

  it('estimates tokens when the server reports no usage, marks them estimated, never logs zero', async () => {
    await w.addProvider('local', w.emulators[0]!, { model: 'gpt-4o-mini' });
    w.emulators[0]!.pushReplies({ text: 'A reply of a few words here.', usage: null });
    const answer = await route();
    expect(answer.usage.estimated).toBe(true);
    await w.committed();
    const [event] = w.core.services.usageEvents.latest(1);
    expect(event!.estimated).toBe(true);
    expect(event!.inputTokens).toBeGreaterThan(0);
    expect(event!.outputTokens).toBeGreaterThan(0);
  });

  it('stats totals equal the sum of the events, per provider, task and user', async () => {
    await w.addProvider('a', w.emulators[0]!, { model: 'gpt-4o-mini', priority: 1 });
    for (let i = 0; i < 12; i++) {
      w.emulators[0]!.pushReplies({ text: `answer ${i}`, usage: { input: 100 + i, output: 10 + i, cached: i } });
      if (i % 4 === 0) w.emulators[0]!.pushFaults({ status: 400 });
      await w.core.services.router
        .route({ task: i % 2 ? 'cv_draft' : 'extraction', userId: i % 3 ? 'ana' : 'bo', request: prompt(`q${i}`) })
        .catch(() => undefined);
      w.clock.advance(3_600_000 * 7);
    }
    await w.committed();
    const events = w.core.services.usageEvents.latest(1000);
    const sum = (f: (e: (typeof events)[number]) => number) => events.reduce((a, e) => a + f(e), 0);
    const stats = w.core.services.stats.query({ from: 0, to: w.clock.now() + 1 }, 'task');
    expect(stats.totals.calls).toBe(events.length);
    expect(stats.totals.errors).toBe(events.filter((e) => e.status === 'error').length);
    expect(stats.totals.inputTokens).toBe(sum((e) => e.inputTokens));
    expect(stats.totals.outputTokens).toBe(sum((e) => e.outputTokens));
    expect(stats.totals.cachedInputTokens).toBe(sum((e) => e.cachedInputTokens));
    expect(stats.totals.costUsd).toBeCloseTo(
      sum((e) => e.costUsd ?? 0),
      9,
    );
    for (const by of ['provider', 'task', 'user', 'day', 'model', 'hour'] as const) {
      const grouped = w.core.services.stats.query({ from: 0, to: w.clock.now() + 1 }, by);
      expect(
        grouped.groups.reduce((a, g) => a + g.calls, 0),
        by,
      ).toBe(events.length);
    }
    const users = w.core.services.stats.query({ from: 0, to: w.clock.now() + 1 }, 'user').groups;
    expect(users.find((u) => u.key === 'bo')!.calls).toBe(events.filter((e) => e.userId === 'bo').length);
    expect(stats.totals.errorClasses).toEqual({ bad_request: 3 });
  });

  it('answers without waiting for the disk: the usage event and budget settlement commit right after', async () => {
    await w.addProvider('a', w.emulators[0]!, { model: 'gpt-4o-mini', dailyTokenLimit: 1_000_000 });
    const count = w.core.store.sqlite.prepare('SELECT count(*) FROM usage_events').pluck();
    const reserved = () => w.core.services.budgets.outstandingReservations();
    const answer = await route();
    expect(answer.text).toBeTruthy();
    expect([count.get(), reserved(), w.core.services.usageLog.pending()]).toEqual([0, 1, 1]);
    await w.committed();
    expect([count.get(), reserved(), w.core.services.usageLog.pending()]).toEqual([1, 0, 0]);
    // Reads over IPC never miss an answered call, even before the commit's turn.
    await route();
    const events = await w.core.dispatch('usage:events', { limit: 10 }, w.core.localSession('cli'));
    expect(events.ok && events.data).toHaveLength(2);
  });

  it('exports events as CSV and JSON lines', async () => {
    await w.addProvider('a', w.emulators[0]!, { model: 'gpt-4o-mini' });
    await route();
    await route();
    await w.committed();
    const csv = w.core.services.usageEvents.export('csv');
    expect(csv.trim().split('\n')).toHaveLength(3);
    expect(csv.split('\n')[0]).toContain('requestId');
    const lines = w.core.services.usageEvents.export('jsonl').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { providerName: string }).providerName)).toEqual(['a', 'a']);
  });

  it('exposes Prometheus metrics for calls, tokens, cost, latency and fallbacks', async () => {
    await w.addProvider('a', w.emulators[0]!, { model: 'gpt-4o-mini' });
    w.emulators[0]!.pushReplies({ text: 'x', usage: { input: 1000, output: 100 } });
    await route();
    const text = await w.core.services.metrics.text();
    expect(text).toMatch(
      /ai_provider_api_calls_total\{provider_type="openai-compatible",task_type="cv_draft",status="ok"\} 1/u,
    );
    expect(text).toMatch(/ai_provider_tokens_total\{provider_type="openai-compatible",direction="input"\} 1000/u);
    expect(text).toContain('ai_provider_cost_usd_total');
    expect(text).toContain('ai_provider_latency_ms_bucket');
    expect(text).toContain('ai_provider_error_rate');
    expect(text).toContain('ai_provider_fallbacks_total');
    expect(text).toContain('ai_provider_circuit_state');
  });
});
