import type { Registry } from 'prom-client';
import type { CircuitState } from '@contract';
import type { MetricGroup, MetricTotals } from './metric-totals';

const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/**
 * Prometheus metrics, one registry per core (never the global default). The counters and the latency
 * histogram are the usage ledger's all-time totals, read at each scrape (see MetricTotals), so every process
 * (the app, `aditus metrics`, the exporter) reports the same numbers across restarts. The circuit state is the
 * only process-local metric: the breakers live in each process's memory. The registry (prom-client, with
 * OpenTelemetry's API: ~30 ms to load) is built at the first scrape (metrics-registry.ts).
 */
export class Metrics {
  private registry: Registry | null = null;
  private groups: readonly MetricGroup[] = [];
  private readonly circuits = new Map<string, number>();

  constructor(
    private readonly totals: MetricTotals,
    private readonly now: () => number,
    /** Commits this process's queued usage events, so a scrape includes the calls answered so far. */
    private readonly commitPending: () => void = () => undefined,
  ) {}

  /** The scrape's content type (Prometheus text format 0.0.4). */
  get contentType(): string {
    return this.registry?.contentType ?? 'text/plain; version=0.0.4; charset=utf-8';
  }

  circuitState(provider: string, state: CircuitState): void {
    this.circuits.set(provider, CIRCUIT_VALUE[state]);
  }

  /** The Prometheus text: the ledger's totals as committed now, and this process's circuit states. */
  async text(): Promise<string> {
    this.registry ??= (await import('./metrics-registry')).buildMetricsRegistry({
      groups: () => this.groups,
      circuits: this.circuits,
    });
    this.commitPending();
    this.groups = this.totals.read(this.now());
    // Every metric's `collect` runs synchronously inside `metrics()`, all on the groups just read.
    return await this.registry.metrics();
  }
}
