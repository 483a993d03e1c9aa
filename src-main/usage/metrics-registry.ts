import { Counter, Gauge, Registry, type LabelValues } from 'prom-client';
import { LATENCY_BOUNDS_MS } from './latency-buckets';
import { LedgerHistogram } from './ledger-histogram';
import type { MetricGroup } from './metric-totals';
import { microsToUsd } from './money';
import { COUNT_AT, COUNT_COLUMNS } from './rollup-columns';

type Count = keyof typeof COUNT_AT;
type Sample<K extends string> = { labels: LabelValues<K>; value: number };

const count = (g: MetricGroup, column: Count): number => g.sums.values[COUNT_AT[column]] ?? 0;

/** Samples summed per label set (several tasks of a provider type add up to its token totals). */
function summed<K extends string>(
  groups: readonly MetricGroup[],
  each: (g: MetricGroup) => readonly (Sample<K> & { key: string })[],
): Sample<K>[] {
  const out = new Map<string, Sample<K>>();
  for (const g of groups)
    for (const { key, labels, value } of each(g)) {
      const sample = out.get(key);
      if (sample) sample.value += value;
      else out.set(key, { labels, value });
    }
  return [...out.values()];
}

/** One count summed per provider type, in the order the types first appear. */
const perKind = (groups: readonly MetricGroup[], column: Count): Sample<'provider_type'>[] =>
  summed(groups, (g) => [{ key: g.providerKind, labels: { provider_type: g.providerKind }, value: count(g, column) }]);

/** What the metrics are read from at each scrape. */
export interface MetricsSource {
  /** The usage ledger's groups as read for this scrape. */
  groups(): readonly MetricGroup[];
  /** This process's circuit states by provider name. */
  readonly circuits: ReadonlyMap<string, number>;
}

/** The Prometheus registry of the metrics (see Metrics); every metric's `collect` reads `source`. */
export function buildMetricsRegistry(source: MetricsSource): Registry {
  const registry = new Registry();
  const registers = [registry];
  const counter = <K extends string>(
    name: string,
    help: string,
    labelNames: readonly K[],
    samples: (groups: readonly MetricGroup[]) => Sample<K>[],
  ) =>
    new Counter<K>({
      name,
      help,
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const { labels, value } of samples(source.groups())) this.inc(labels, value);
      },
    });
  counter(
    'ai_provider_api_calls_total',
    'Provider attempts by provider type, task and status (usage ledger, all processes)',
    ['provider_type', 'task_type', 'status'],
    (groups) =>
      groups.flatMap((g) => {
        const labels = { provider_type: g.providerKind, task_type: g.task };
        const errors = count(g, 'errors');
        return [
          { labels: { ...labels, status: 'ok' }, value: count(g, 'calls') - errors },
          { labels: { ...labels, status: 'error' }, value: errors },
        ];
      }),
  );
  counter(
    'ai_provider_tokens_total',
    'Tokens by provider type and direction (input, output, cached_input), estimated ones included (usage ledger)',
    ['provider_type', 'direction'],
    (groups) =>
      summed(groups, (g) =>
        (
          [
            ['input', 'input_tokens'],
            ['output', 'output_tokens'],
            ['cached_input', 'cached_input_tokens'],
          ] as const
        ).map(([direction, column]) => ({
          key: `${g.providerKind}\0${direction}`,
          labels: { provider_type: g.providerKind, direction },
          value: count(g, column),
        })),
      ),
  );
  counter(
    'ai_provider_cost_usd_total',
    'Cost in USD of priced calls, by provider type (usage ledger; unpriced calls are not in it)',
    ['provider_type'],
    (groups) => {
      const priced = new Set(
        groups
          .filter((g) => count(g, 'calls') - count(g, 'errors') > count(g, 'unpriced_calls'))
          .map((g) => g.providerKind),
      );
      return perKind(groups, 'cost_micros')
        .filter((s) => priced.has(String(s.labels.provider_type)))
        .map((s) => ({ ...s, value: microsToUsd(s.value) }));
    },
  );
  counter(
    'ai_provider_unpriced_calls_total',
    'Answered calls with no price for their model, by provider type (their cost is not in ai_provider_cost_usd_total)',
    ['provider_type'],
    (groups) => perKind(groups, 'unpriced_calls'),
  );
  counter(
    'ai_provider_estimated_calls_total',
    'Calls whose token counts are estimates (the provider reported none), by provider type',
    ['provider_type'],
    (groups) => perKind(groups, 'estimated_calls'),
  );
  counter(
    'ai_provider_errors_total',
    'Failed attempts by provider type and error class (usage ledger)',
    ['provider_type', 'error_class'],
    (groups) =>
      summed(groups, (g) =>
        Object.entries(g.sums.errorClasses).map(([errorClass, value]) => ({
          key: `${g.providerKind}\0${errorClass}`,
          labels: { provider_type: g.providerKind, error_class: errorClass },
          value,
        })),
      ),
  );
  counter(
    'ai_provider_fallbacks_total',
    'Fallbacks by task, counted as the Usage page and `usage stats` count them (usage ledger)',
    ['task_type'],
    (groups) => summed(groups, (g) => [{ key: g.task, labels: { task_type: g.task }, value: count(g, 'fallbacks') }]),
  );
  new Gauge({
    name: 'ai_provider_error_rate',
    help: 'Share of failed attempts over the whole usage ledger, per provider type',
    labelNames: ['provider_type'] as const,
    registers,
    collect() {
      this.reset();
      const errors = perKind(source.groups(), 'errors');
      perKind(source.groups(), 'calls').forEach(({ labels, value: calls }, i) =>
        this.set(labels, calls ? (errors[i]?.value ?? 0) / calls : 0),
      );
    },
  });
  new LedgerHistogram({
    name: 'ai_provider_latency_ms',
    help: 'Attempt latency in milliseconds, by provider type and task (usage ledger)',
    labelNames: ['provider_type', 'task_type'] as const,
    bounds: LATENCY_BOUNDS_MS,
    registers,
    read: () =>
      source.groups().map((g) => ({
        labels: { provider_type: g.providerKind, task_type: g.task },
        counts: g.sums.values.slice(COUNT_COLUMNS.length),
        sum: g.latencySumMs,
      })),
  });
  new Gauge({
    name: 'ai_provider_circuit_state',
    help: 'Circuit breaker state per provider config as this process sees it (process-local: starts empty in each process; 0 closed, 1 half-open, 2 open)',
    labelNames: ['provider'] as const,
    registers,
    collect() {
      this.reset();
      for (const [provider, value] of source.circuits) this.set({ provider }, value);
    },
  });
  return registry;
}
