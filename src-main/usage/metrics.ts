import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CircuitState } from '@contract';

const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

type Labels<K extends string> = Partial<Record<K, string>>;

/**
 * Running totals per label set, handed to a prom-client counter or gauge when it is scraped. Adding to a
 * prom-client metric hashes and validates its labels each time (a few µs); a provider call touched eight of
 * them, so the calls add to plain numbers and the metrics are filled in `collect`, once per scrape.
 */
class Tally<K extends string> {
  private readonly totals = new Map<string, { labels: Labels<K>; value: number }>();

  add(key: string, labels: () => Labels<K>, by: number): void {
    const entry = this.totals.get(key);
    if (entry) entry.value += by;
    else this.totals.set(key, { labels: labels(), value: by });
  }

  set(key: string, labels: () => Labels<K>, value: number): void {
    const entry = this.totals.get(key);
    if (entry) entry.value = value;
    else this.totals.set(key, { labels: labels(), value });
  }

  entries(): IterableIterator<{ labels: Labels<K>; value: number }> {
    return this.totals.values();
  }

  publish(metric: Counter<K> | Gauge<K>): void {
    metric.reset();
    for (const { labels, value } of this.totals.values())
      if (metric instanceof Counter) metric.inc(labels, value);
      else metric.set(labels, value);
  }
}

/** Prometheus metrics for provider calls, one registry per core (never the global default). */
export class Metrics {
  readonly registry = new Registry();
  private readonly callTally = new Tally<'provider_type' | 'task_type' | 'status'>();
  private readonly tokenTally = new Tally<'provider_type' | 'direction'>();
  private readonly costTally = new Tally<'provider_type'>();
  private readonly errorTally = new Tally<'provider_type' | 'error_class'>();
  private readonly fallbackTally = new Tally<'task_type'>();
  private readonly circuitTally = new Tally<'provider'>();
  private readonly latency = new Histogram({
    name: 'ai_provider_latency_ms',
    help: 'Attempt latency in milliseconds',
    labelNames: ['provider_type', 'task_type'] as const,
    buckets: [50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000],
    registers: [this.registry],
  });

  constructor() {
    const registers = [this.registry];
    const publish = <K extends string>(tally: Tally<K>) =>
      function (this: Counter<K> | Gauge<K>) {
        tally.publish(this);
      };
    new Counter({
      name: 'ai_provider_api_calls_total',
      help: 'Provider attempts by provider type, task and status',
      labelNames: ['provider_type', 'task_type', 'status'] as const,
      registers,
      collect: publish(this.callTally),
    });
    new Counter({
      name: 'ai_provider_tokens_total',
      help: 'Tokens by provider type and direction (input, output, cached_input)',
      labelNames: ['provider_type', 'direction'] as const,
      registers,
      collect: publish(this.tokenTally),
    });
    new Counter({
      name: 'ai_provider_cost_usd_total',
      help: 'Cost in USD of priced calls',
      labelNames: ['provider_type'] as const,
      registers,
      collect: publish(this.costTally),
    });
    const calls = this.callTally;
    new Gauge({
      name: 'ai_provider_error_rate',
      help: 'Share of failed attempts since start, per provider type',
      labelNames: ['provider_type'] as const,
      registers,
      collect() {
        const perKind = new Map<string, { calls: number; errors: number }>();
        for (const { labels, value } of calls.entries()) {
          const kind = labels.provider_type ?? '';
          const t = perKind.get(kind) ?? { calls: 0, errors: 0 };
          t.calls += value;
          if (labels.status === 'error') t.errors += value;
          perKind.set(kind, t);
        }
        this.reset();
        for (const [kind, t] of perKind) this.set({ provider_type: kind }, t.errors / t.calls);
      },
    });
    new Counter({
      name: 'ai_provider_errors_total',
      help: 'Failed attempts by provider type and error class',
      labelNames: ['provider_type', 'error_class'] as const,
      registers,
      collect: publish(this.errorTally),
    });
    new Counter({
      name: 'ai_provider_fallbacks_total',
      help: 'Requests answered by a provider other than the first candidate',
      labelNames: ['task_type'] as const,
      registers,
      collect: publish(this.fallbackTally),
    });
    new Gauge({
      name: 'ai_provider_circuit_state',
      help: 'Circuit breaker state per provider config (0 closed, 1 half-open, 2 open)',
      labelNames: ['provider'] as const,
      registers,
      collect: publish(this.circuitTally),
    });
  }

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
    const kind = a.providerKind;
    const status = a.ok ? 'ok' : 'error';
    this.callTally.add(`${kind}\0${a.task}\0${status}`, () => ({ provider_type: kind, task_type: a.task, status }), 1);
    this.tokenTally.add(`${kind}\0i`, () => ({ provider_type: kind, direction: 'input' }), a.inputTokens);
    this.tokenTally.add(`${kind}\0o`, () => ({ provider_type: kind, direction: 'output' }), a.outputTokens);
    this.tokenTally.add(`${kind}\0c`, () => ({ provider_type: kind, direction: 'cached_input' }), a.cachedInputTokens);
    if (a.costMicros) this.costTally.add(kind, () => ({ provider_type: kind }), a.costMicros / 1_000_000);
    this.latency.observe({ provider_type: kind, task_type: a.task }, a.latencyMs);
    if (!a.ok) {
      const errorClass = a.errorClass ?? 'unknown';
      this.errorTally.add(`${kind}\0${errorClass}`, () => ({ provider_type: kind, error_class: errorClass }), 1);
    }
  }

  fallback(task: string): void {
    this.fallbackTally.add(task, () => ({ task_type: task }), 1);
  }

  circuitState(provider: string, state: CircuitState): void {
    this.circuitTally.set(provider, () => ({ provider }), CIRCUIT_VALUE[state]);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
