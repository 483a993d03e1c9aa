import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import type { UsageEvent } from '../../../src-main/usage/usage-event';
import { testCore, type TestCore } from '../../helpers/core';

const HOUR = 3_600_000;
let seq = 0;

function event(t: TestCore, over: Partial<UsageEvent> = {}): UsageEvent {
  seq += 1;
  return {
    requestId: `req-${seq}`,
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
    cachedInputTokens: 10,
    estimated: false,
    costMicros: 1_500,
    priceVersion: 1,
    latencyMs: 120,
    ttftMs: null,
    fallback: false,
    createdAt: t.clock.now(),
    ...over,
  };
}

/** The sample lines of the scrape, without HELP and TYPE lines. */
async function samples(t: TestCore): Promise<string[]> {
  return (await t.core.services.metrics.text()).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

describe('Metrics (Prometheus text, from the usage ledger)', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('reports every attempt, token, cost, error, fallback and latency bucket of the ledger with its labels', async () => {
    t = testCore();
    const log = t.core.services.usageLog;
    log.record(event(t));
    log.record(event(t, { inputTokens: 50, outputTokens: 5, cachedInputTokens: 0, costMicros: 500 }));
    log.record(
      event(t, {
        status: 'error',
        errorClass: 'rate_limited',
        inputTokens: 0,
        outputTokens: 0,
        cachedInputTokens: 0,
        costMicros: 0,
      }),
    );
    log.record(
      event(t, {
        providerKind: 'anthropic',
        providerName: 'Claude',
        configId: 'cfg-claude',
        task: 'validation',
        costMicros: null,
        latencyMs: 3_000,
        fallback: true,
        estimated: true,
      }),
    );
    t.core.services.metrics.circuitState('Claude', 'closed');
    t.core.services.metrics.circuitState('Claude', 'open');
    t.core.services.metrics.circuitState('OpenAI', 'half_open');

    const lines = await samples(t);
    expect(lines).toEqual(
      expect.arrayContaining([
        'ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="ok"} 2',
        'ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="error"} 1',
        'ai_provider_api_calls_total{provider_type="anthropic",task_type="validation",status="ok"} 1',
        'ai_provider_tokens_total{provider_type="openai",direction="input"} 150',
        'ai_provider_tokens_total{provider_type="openai",direction="output"} 25',
        'ai_provider_tokens_total{provider_type="openai",direction="cached_input"} 10',
        'ai_provider_cost_usd_total{provider_type="openai"} 0.002',
        'ai_provider_unpriced_calls_total{provider_type="anthropic"} 1',
        'ai_provider_estimated_calls_total{provider_type="anthropic"} 1',
        'ai_provider_errors_total{provider_type="openai",error_class="rate_limited"} 1',
        'ai_provider_error_rate{provider_type="openai"} 0.3333333333333333',
        'ai_provider_error_rate{provider_type="anthropic"} 0',
        'ai_provider_fallbacks_total{task_type="validation"} 1',
        'ai_provider_fallbacks_total{task_type="cv_draft"} 0',
        'ai_provider_circuit_state{provider="Claude"} 2',
        'ai_provider_circuit_state{provider="OpenAI"} 1',
        'ai_provider_latency_ms_count{provider_type="openai",task_type="cv_draft"} 3',
        'ai_provider_latency_ms_sum{provider_type="openai",task_type="cv_draft"} 360',
        'ai_provider_latency_ms_bucket{le="100",provider_type="openai",task_type="cv_draft"} 0',
        'ai_provider_latency_ms_bucket{le="200",provider_type="openai",task_type="cv_draft"} 3',
        'ai_provider_latency_ms_bucket{le="2000",provider_type="anthropic",task_type="validation"} 0',
        'ai_provider_latency_ms_bucket{le="3000",provider_type="anthropic",task_type="validation"} 1',
        'ai_provider_latency_ms_bucket{le="+Inf",provider_type="anthropic",task_type="validation"} 1',
      ]),
    );
    // Unpriced only: no cost line that would read as "free".
    expect(lines.filter((l) => l.startsWith('ai_provider_cost_usd_total'))).toHaveLength(1);
  });

  it('is the same in another core on the same data folder (another process, or after a restart)', async () => {
    t = testCore();
    t.core.services.usageLog.record(event(t));
    t.core.services.metrics.circuitState('OpenAI', 'open');
    const first = await samples(t);
    const other = createCore({ dataDir: t.dataDir, secrets: new MemorySecretStore(), clock: t.clock, log: () => {} });
    try {
      const second = (await other.services.metrics.text()).split('\n').filter((l) => l && !l.startsWith('#'));
      expect(second).toContain(
        'ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="ok"} 1',
      );
      // Only the circuit state is process-local.
      expect(second).toEqual(first.filter((l) => !l.startsWith('ai_provider_circuit_state')));
    } finally {
      other.close();
    }
  });

  it('adds what came since on every scrape: in the same hour, in a later hour, and late events in an hour already read', async () => {
    t = testCore();
    const log = t.core.services.usageLog;
    const calls = (lines: string[]) =>
      lines.find((l) =>
        l.startsWith('ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="ok"}'),
      );
    log.record(event(t));
    expect(calls(await samples(t))).toMatch(/ 1$/u);
    expect(calls(await samples(t))).toMatch(/ 1$/u);
    log.record(event(t));
    expect(calls(await samples(t))).toMatch(/ 2$/u);
    t.clock.advance(2 * HOUR);
    log.record(event(t));
    expect(calls(await samples(t))).toMatch(/ 3$/u);
    t.clock.advance(HOUR);
    expect(calls(await samples(t))).toMatch(/ 3$/u);
    // Committed now but dated two hours back (a spilled event replayed at a later start).
    log.record(event(t, { createdAt: t.clock.now() - 2 * HOUR, inputTokens: 7 }));
    const lines = await samples(t);
    expect(calls(lines)).toMatch(/ 4$/u);
    expect(lines).toContain('ai_provider_tokens_total{provider_type="openai",direction="input"} 307');
  });

  it('commits the calls this process answered but had not committed yet before it reads', async () => {
    t = testCore({ usageGroupWindowMs: 60_000 });
    t.core.services.usageLog.enqueue(event(t));
    expect(await samples(t)).toContain(
      'ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="ok"} 1',
    );
  });
});
