import { describe, expect, it } from 'vitest';
import { Metrics } from '../../../src-main/usage/metrics';

const attempt = (over: Partial<Parameters<Metrics['attempt']>[0]> = {}): Parameters<Metrics['attempt']>[0] => ({
  providerKind: 'openai',
  task: 'cv_draft',
  ok: true,
  errorClass: null,
  inputTokens: 100,
  outputTokens: 20,
  cachedInputTokens: 10,
  costMicros: 1_500,
  latencyMs: 120,
  ...over,
});

/** The sample lines of the scrape, without HELP and TYPE lines. */
async function samples(metrics: Metrics): Promise<string[]> {
  return (await metrics.text()).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

describe('Metrics (Prometheus text)', () => {
  it('reports every attempt, token, cost, error, fallback and circuit state with its labels', async () => {
    const m = new Metrics();
    m.attempt(attempt());
    m.attempt(attempt({ inputTokens: 50, outputTokens: 5, cachedInputTokens: 0, costMicros: 500 }));
    m.attempt(
      attempt({
        ok: false,
        errorClass: 'rate_limited',
        inputTokens: 0,
        outputTokens: 0,
        cachedInputTokens: 0,
        costMicros: null,
      }),
    );
    m.attempt(attempt({ providerKind: 'anthropic', task: 'validation', costMicros: null, latencyMs: 3_000 }));
    m.fallback('validation');
    m.circuitState('Claude', 'closed');
    m.circuitState('Claude', 'open');
    m.circuitState('OpenAI', 'half_open');

    const lines = await samples(m);
    expect(lines).toEqual(
      expect.arrayContaining([
        'ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="ok"} 2',
        'ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="error"} 1',
        'ai_provider_api_calls_total{provider_type="anthropic",task_type="validation",status="ok"} 1',
        'ai_provider_tokens_total{provider_type="openai",direction="input"} 150',
        'ai_provider_tokens_total{provider_type="openai",direction="output"} 25',
        'ai_provider_tokens_total{provider_type="openai",direction="cached_input"} 10',
        'ai_provider_cost_usd_total{provider_type="openai"} 0.002',
        'ai_provider_errors_total{provider_type="openai",error_class="rate_limited"} 1',
        'ai_provider_error_rate{provider_type="openai"} 0.3333333333333333',
        'ai_provider_error_rate{provider_type="anthropic"} 0',
        'ai_provider_fallbacks_total{task_type="validation"} 1',
        'ai_provider_circuit_state{provider="Claude"} 2',
        'ai_provider_circuit_state{provider="OpenAI"} 1',
        'ai_provider_latency_ms_count{provider_type="openai",task_type="cv_draft"} 3',
        'ai_provider_latency_ms_bucket{le="250",provider_type="openai",task_type="cv_draft"} 3',
        'ai_provider_latency_ms_bucket{le="2500",provider_type="anthropic",task_type="validation"} 0',
        'ai_provider_latency_ms_bucket{le="5000",provider_type="anthropic",task_type="validation"} 1',
      ]),
    );
    expect(lines.filter((l) => l.startsWith('ai_provider_cost_usd_total'))).toHaveLength(1); // unpriced: no cost
  });

  it('gives the same totals on every scrape, and only what came since on top', async () => {
    const m = new Metrics();
    m.attempt(attempt());
    const first = await samples(m);
    expect(await samples(m)).toEqual(first);
    m.attempt(attempt({ ok: false, errorClass: 'timeout' }));
    const third = await samples(m);
    expect(third).toContain('ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="ok"} 1');
    expect(third).toContain(
      'ai_provider_api_calls_total{provider_type="openai",task_type="cv_draft",status="error"} 1',
    );
    expect(third).toContain('ai_provider_tokens_total{provider_type="openai",direction="input"} 200');
    expect(third).toContain('ai_provider_error_rate{provider_type="openai"} 0.5');
  });
});
