import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateRequestTokens } from '../../src-main/routing/estimate';
import { prompt, routingWorld, tokensCountedInDatabase, type RoutingWorld } from '../helpers/routing';
import { ledgerMismatches } from './support/budget-check';
import { startFixture, type FixtureProcess } from './support/fixture-process';
import { percentile, timed } from './support/latency';
import { outcomeOf } from './support/outcomes';

const CONCURRENT = 200;
const FITS = 120;
const MAX_OUTPUT = 64;
const LATENCY_MS = 20;

describe('load: 200 concurrent requests against a small budget', () => {
  const request = { ...prompt('Summarise this job posting in one line, please.'), maxOutputTokens: MAX_OUTPUT };
  const perCall = estimateRequestTokens(request) + MAX_OUTPUT; // what one call reserves
  const limit = perCall * FITS;
  let w: RoutingWorld;
  let contender: FixtureProcess;

  beforeAll(async () => {
    w = await routingWorld(1);
    await w.addProvider('small', w.emulators[0]!, {
      dailyTokenLimit: limit,
      onLimit: 'error',
      maxOutputTokens: MAX_OUTPUT,
    });
    // Another process writes to the same database all along (e.g. the CLI next to the app): real lock waits.
    contender = startFixture('usage-writer.ts', [w.dataDir, '2']);
    await contender.waitForLines(1);
    contender.go();
    await contender.waitForLines(3);
  });
  afterAll(async () => {
    await contender.stop();
    await w.close();
  });

  it('never reserves past the limit; each caller gets an answer or budget_exceeded, never SQLITE_BUSY', async () => {
    const emulator = w.emulators[0]!;
    const { sqlite } = w.core.store;
    const configId = w.core.services.providers.getByName('small').id;
    const used = { get: tokensCountedInDatabase(sqlite, { configId }) };

    // The same requests straight to the emulator with the SDK: the baseline for the added latency. The
    // first round opens the connections (the router's calls reuse them), the second is measured.
    const client = new OpenAI({ apiKey: 'not-needed', baseURL: `${emulator.url}/v1`, maxRetries: 0 });
    const directRound = () => {
      emulator.pushFaults({ latencyMs: LATENCY_MS, times: CONCURRENT });
      return Promise.all(
        Array.from({ length: CONCURRENT }, () =>
          timed(() =>
            client.chat.completions.create({
              model: 'gpt-4o-mini',
              messages: [{ role: 'user', content: [{ type: 'text', text: request.messages[0]!.content[0]!.text }] }],
              max_tokens: MAX_OUTPUT,
            }),
          ),
        ),
      );
    };
    await directRound();
    const direct = await directRound();

    emulator.pushFaults({ latencyMs: LATENCY_MS, times: CONCURRENT });
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, used.get() as number)), 1);
    const routed = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        timed(() => w.core.services.router.route({ task: 'extraction', userId: `user-${i % 9}`, request })),
      ),
    );
    clearInterval(watch);
    peak = Math.max(peak, used.get() as number);
    await w.committed();

    const outcomes = routed.map((r) => outcomeOf(r.result));
    const answered = outcomes.filter((o) => o.kind === 'ok').length;
    expect(outcomes.filter((o) => o.kind !== 'ok' && !(o.kind === 'error' && o.code === 'budget_exceeded'))).toEqual(
      [],
    );
    expect(answered).toBeGreaterThanOrEqual(FITS);
    expect(answered).toBeLessThan(CONCURRENT);
    expect(peak).toBeLessThanOrEqual(limit);
    expect(w.core.services.budgets.outstandingReservations()).toBe(0);
    expect(ledgerMismatches(sqlite)).toEqual([]);
    expect(contender.lines.length).toBeGreaterThan(3); // the other writer really wrote meanwhile

    // Added latency two ways: against the direct baseline, and per call as route time − provider time.
    const answers = routed.flatMap((r) =>
      r.result.status === 'fulfilled' ? [{ ms: r.ms, answer: r.result.value }] : [],
    );
    const directP99 = percentile(
      direct.map((d) => d.ms),
      0.99,
    );
    const routedP99 = percentile(
      answers.map((a) => a.ms),
      0.99,
    );
    const ownP99 = percentile(
      answers.map((a) => a.ms - (a.answer.attempts.find((t) => t.outcome === 'ok')?.latencyMs ?? 0)),
      0.99,
    );
    console.log(
      `load: ${answered}/${CONCURRENT} answered, peak budget use ${peak}/${limit} tokens; p99 ms: direct ` +
        `${directP99.toFixed(1)}, routed ${routedP99.toFixed(1)}, added ${(routedP99 - directP99).toFixed(1)}; ` +
        `route − provider time per call ${ownP99.toFixed(1)}`,
    );
  }, 60_000);
});
