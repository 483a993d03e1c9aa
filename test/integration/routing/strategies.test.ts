import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import type { AnswerMeta, RouteReason, RoutingStrategy } from '@contract';
import { prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';
import { seedHistory } from '../../helpers/routing-history';
import { seededRandom } from '../../helpers/seeded-random';

const TASK = 'extraction';
const EXAMPLES = join(__dirname, '../../../examples');
const HOUR = 60 * 60 * 1000;

describe('routing strategies (emulated providers, statistics from the usage ledger)', () => {
  let w: RoutingWorld;
  afterEach(() => w.close());

  /** Providers "a" (the default, first by priority, model dear-model) and "b" (model cheap-model). */
  async function world(strategy: RoutingStrategy, routingRandom?: () => number): Promise<void> {
    w = await routingWorld(2, undefined, routingRandom ? { routingRandom } : {});
    await w.addProvider('a', w.emulators[0]!, { isDefault: true, priority: 1, model: 'dear-model' });
    await w.addProvider('b', w.emulators[1]!, { priority: 2, model: 'cheap-model' });
    const { pricing, routingStrategies } = w.core.services;
    pricing.set({ model: 'dear-model', inputUsd: 2, outputUsd: 4, cachedInputUsd: null }, 'test');
    pricing.set({ model: 'cheap-model', inputUsd: 1, outputUsd: 2, cachedInputUsd: null }, 'test');
    routingStrategies.set(TASK, strategy, 'test');
  }

  const route = () => w.core.services.router.route({ task: TASK, userId: 'ana', request: prompt('Extract this') });
  const order = (reason: RouteReason) => reason.candidates.map((c) => c.providerName);
  const storedReason = (requestId: string): RouteReason[] => {
    w.core.services.usageLog.flush();
    const rows = w.core.store.sqlite
      .prepare('SELECT route_reason AS r FROM usage_events WHERE request_id = ? ORDER BY id')
      .all(requestId) as { r: string }[];
    return rows.map((row) => JSON.parse(row.r) as RouteReason);
  };

  it('priority (the default) keeps the configured order and says so on the answer and its usage event', async () => {
    await world('priority');
    seedHistory(w.core, 'b', TASK, { latencyMs: 10 });
    const answer = await route();
    expect(answer.providerName).toBe('a');
    expect(answer.routeReason).toMatchObject({ strategy: 'priority', explored: false });
    expect(order(answer.routeReason)).toEqual(['a', 'b']);
    expect(storedReason(answer.requestId)).toEqual([answer.routeReason]);
  });

  it('cheapest: the lowest expected cost (price × recent tokens) goes first; failover goes down the rest', async () => {
    await world('cheapest');
    seedHistory(w.core, 'a', TASK, { inputTokens: 1_000, outputTokens: 500 });
    seedHistory(w.core, 'b', TASK, { inputTokens: 1_000, outputTokens: 500 });
    const answer = await route();
    expect(answer.providerName).toBe('b');
    expect(answer.routeReason.candidates).toMatchObject([
      { providerName: 'b', score: 1, samples: 20, expectedCostUsd: 0.002, priorityPosition: 1 },
      { providerName: 'a', score: 0.5, samples: 20, expectedCostUsd: 0.004, priorityPosition: 0 },
    ]);
    expect(storedReason(answer.requestId)[0]).toEqual(answer.routeReason);

    w.emulators[1]!.pushFaults({ status: 503, times: 3 });
    const failedOver = await route();
    expect(failedOver.providerName).toBe('a');
    expect(failedOver.fallback).toBe(true);
    expect(order(failedOver.routeReason)).toEqual(['b', 'a']);
    // Every attempt of the request carries the same reason.
    expect(storedReason(failedOver.requestId)).toHaveLength(4);
  });

  it('fastest: the lowest recent p50 latency goes first', async () => {
    await world('fastest');
    seedHistory(w.core, 'a', TASK, { latencyMs: 800 });
    seedHistory(w.core, 'b', TASK, { latencyMs: 200 });
    const answer = await route();
    expect(answer.providerName).toBe('b');
    expect(answer.routeReason.candidates).toMatchObject([
      { providerName: 'b', p50LatencyMs: 200, score: 1 },
      { providerName: 'a', p50LatencyMs: 800, score: 0.25 },
    ]);
  });

  it('most_reliable: the highest recent success rate goes first', async () => {
    await world('most_reliable');
    seedHistory(w.core, 'a', TASK, { ok: 15, errors: 5 });
    seedHistory(w.core, 'b', TASK, { ok: 20 });
    const answer = await route();
    expect(answer.providerName).toBe('b');
    expect(answer.routeReason.candidates).toMatchObject([
      { providerName: 'b', successRate: 1, score: 1 },
      { providerName: 'a', successRate: 0.75, score: 0.75 },
    ]);
  });

  it('balanced: 0.4 × cost + 0.3 × latency + 0.3 × reliability (each relative to the best)', async () => {
    await world('balanced');
    // a: cheaper (cost score 1) but 4× slower (0.25) and fails half the time (0.5) → 0.4 + 0.075 + 0.15 = 0.625.
    // b: twice the cost (0.5), fastest (1), never fails (1) → 0.2 + 0.3 + 0.3 = 0.8.
    w.core.services.pricing.set({ model: 'dear-model', inputUsd: 0.5, outputUsd: 1, cachedInputUsd: null }, 'test');
    seedHistory(w.core, 'a', TASK, { ok: 10, errors: 10, latencyMs: 800 });
    seedHistory(w.core, 'b', TASK, { ok: 20, latencyMs: 200 });
    const answer = await route();
    expect(answer.providerName).toBe('b');
    expect(answer.routeReason.candidates).toMatchObject([
      { providerName: 'b', score: 0.8 },
      { providerName: 'a', score: 0.625 },
    ]);
  });

  it('below the minimum sample size a provider keeps its priority position', async () => {
    await world('most_reliable');
    seedHistory(w.core, 'a', TASK, { ok: 15, errors: 5 });
    seedHistory(w.core, 'b', TASK, { ok: 19 }); // better, but one call short
    const first = await route();
    expect(first.providerName).toBe('a');
    expect(first.routeReason.minSamples).toBe(20);
    expect(first.routeReason.candidates).toMatchObject([
      { providerName: 'a', score: 0.75 },
      { providerName: 'b', samples: 19, score: null },
    ]);
    seedHistory(w.core, 'b', TASK, { ok: 1 });
    const second = await route();
    expect(second.providerName).toBe('b');
  });

  it('hysteresis: alternating nearly equal statistics change the first choice at most once; a clear winner still takes over', async () => {
    await world('fastest');
    const firsts: string[] = [];
    let held = 0;
    for (let round = 0; round < 12; round++) {
      w.clock.advance(25 * HOUR); // a fresh window each round
      const [a, b] = round % 2 === 0 ? [100, 104] : [104, 100];
      seedHistory(w.core, 'a', TASK, { latencyMs: a });
      seedHistory(w.core, 'b', TASK, { latencyMs: b });
      const answer = await route();
      firsts.push(answer.routeReason.candidates[0]!.providerName);
      if (answer.routeReason.held) held++;
    }
    const changes = firsts.filter((name, i) => i > 0 && name !== firsts[i - 1]).length;
    expect(changes).toBeLessThanOrEqual(1);
    expect(held).toBeGreaterThan(0);

    w.clock.advance(25 * HOUR);
    seedHistory(w.core, 'a', TASK, { latencyMs: 100 });
    seedHistory(w.core, 'b', TASK, { latencyMs: 50 });
    const answer = await route();
    expect(answer.providerName).toBe('b');
    expect(answer.routeReason.held).toBe(false);
  });

  it('exploration: about 5% of calls go to the best non-first provider, reproducibly with a seeded random', async () => {
    await world('cheapest', seededRandom(7));
    seedHistory(w.core, 'a', TASK, {});
    seedHistory(w.core, 'b', TASK, {});
    const calls = 200;
    let explored = 0;
    let answeredByA = 0;
    for (let i = 0; i < calls; i++) {
      const answer = await route();
      if (answer.routeReason.explored) {
        explored++;
        expect(order(answer.routeReason)).toEqual(['a', 'b']);
      }
      if (answer.providerName === 'a') answeredByA++;
    }
    expect(answeredByA).toBe(explored);
    expect(explored).toBeGreaterThanOrEqual(2);
    expect(explored).toBeLessThanOrEqual(25);
  });

  it('a drafting answer (job field extraction over IPC) says why its provider was chosen', async () => {
    await world('fastest');
    seedHistory(w.core, 'a', TASK, { latencyMs: 800 });
    seedHistory(w.core, 'b', TASK, { latencyMs: 200 });
    const session = w.core.localSession('web');
    const posting = readFileSync(join(EXAMPLES, 'job-backend.txt'));
    const job = await w.core.dispatch(
      'jobs:import',
      { file: { fileName: 'job-backend.txt', dataBase64: posting.toString('base64') } },
      session,
    );
    if (!job.ok) throw new Error(job.error.message);
    const jobId = (job.data as { id: string }).id;
    w.emulators[1]!.pushReplies(JSON.stringify(extractJobFieldsOffline(posting.toString('utf8'))));
    const out = await w.core.dispatch('jobs:extract', { id: jobId }, session);
    if (!out.ok) throw new Error(out.error.message);
    const { meta } = out.data as { meta: AnswerMeta };
    expect(meta.providerName).toBe('b');
    expect(meta.routeReason).toMatchObject({ strategy: 'fastest', explored: false });
    expect(meta.routeReason?.candidates.map((c) => c.providerName)).toEqual(['b', 'a']);
  });
});
