import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CircuitState } from '../routing/circuit-breaker';

const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/** Prometheus metrics for provider calls, one registry per core (never the global default). */
export class Metrics {
  readonly registry = new Registry();
  private readonly calls = new Counter({
    name: 'ai_provider_api_calls_total',
    help: 'Provider attempts by provider type, task and status',
    labelNames: ['provider_type', 'task_type', 'status'] as const,
    registers: [this.registry],
  });
  private readonly tokens = new Counter({
    name: 'ai_provider_tokens_total',
    help: 'Tokens by provider type and direction (input, output, cached_input)',
    labelNames: ['provider_type', 'direction'] as const,
    registers: [this.registry],
  });
  private readonly cost = new Counter({
    name: 'ai_provider_cost_usd_total',
    help: 'Cost in USD of priced calls',
    labelNames: ['provider_type'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'ai_provider_latency_ms',
    help: 'Attempt latency in milliseconds',
    labelNames: ['provider_type', 'task_type'] as const,
    buckets: [50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000],
    registers: [this.registry],
  });
  private readonly errorRate = new Gauge({
    name: 'ai_provider_error_rate',
    help: 'Share of failed attempts since start, per provider type',
    labelNames: ['provider_type'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'ai_provider_errors_total',
    help: 'Failed attempts by provider type and error class',
    labelNames: ['provider_type', 'error_class'] as const,
    registers: [this.registry],
  });
  private readonly fallbacks = new Counter({
    name: 'ai_provider_fallbacks_total',
    help: 'Requests answered by a provider other than the first candidate',
    labelNames: ['task_type'] as const,
    registers: [this.registry],
  });
  private readonly circuit = new Gauge({
    name: 'ai_provider_circuit_state',
    help: 'Circuit breaker state per provider config (0 closed, 1 half-open, 2 open)',
    labelNames: ['provider'] as const,
    registers: [this.registry],
  });
  private readonly totals = new Map<string, { calls: number; errors: number }>();

  attempt(a: {
    providerKind: string;
    task: string;
    ok: boolean;
    errorClass: string | null;
    inputTokens: number;
    outputTokens: number;
    cachedInputTokens: number;
    costMicros: number | null;
    latencyMs: number;
  }): void {
    const status = a.ok ? 'ok' : 'error';
    this.calls.inc({ provider_type: a.providerKind, task_type: a.task, status });
    this.tokens.inc({ provider_type: a.providerKind, direction: 'input' }, a.inputTokens);
    this.tokens.inc({ provider_type: a.providerKind, direction: 'output' }, a.outputTokens);
    this.tokens.inc({ provider_type: a.providerKind, direction: 'cached_input' }, a.cachedInputTokens);
    if (a.costMicros) this.cost.inc({ provider_type: a.providerKind }, a.costMicros / 1_000_000);
    this.latency.observe({ provider_type: a.providerKind, task_type: a.task }, a.latencyMs);
    if (!a.ok) this.errors.inc({ provider_type: a.providerKind, error_class: a.errorClass ?? 'unknown' });
    const t = this.totals.get(a.providerKind) ?? { calls: 0, errors: 0 };
    t.calls++;
    if (!a.ok) t.errors++;
    this.totals.set(a.providerKind, t);
    this.errorRate.set({ provider_type: a.providerKind }, t.errors / t.calls);
  }

  fallback(task: string): void {
    this.fallbacks.inc({ task_type: task });
  }

  circuitState(provider: string, state: CircuitState): void {
    this.circuit.set({ provider }, CIRCUIT_VALUE[state]);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
