import { Histogram, type Aggregator, type LabelValues, type MetricType, type Registry } from 'prom-client';

type Exported<T extends string> = Awaited<ReturnType<Histogram<T>['get']>>;

/** One label set's histogram: the count in each bucket (the last is above the highest bound) and the sum. */
export interface HistogramSeries<T extends string> {
  labels: LabelValues<T>;
  counts: readonly number[];
  sum: number;
}

/**
 * A Prometheus histogram whose buckets are read at each scrape (from the usage rollups) instead of counted
 * from observations in this process: prom-client's Histogram can only `observe` one value at a time.
 */
export class LedgerHistogram<T extends string> extends Histogram<T> {
  private readonly bounds: readonly number[];
  private readonly read: () => readonly HistogramSeries<T>[];
  // Set by prom-client's constructor; its typings leave them out.
  declare readonly name: string;
  declare readonly help: string;
  declare readonly type: MetricType;
  declare readonly aggregator: Aggregator;

  constructor(config: {
    name: string;
    help: string;
    labelNames: readonly T[];
    bounds: readonly number[];
    registers: Registry[];
    read: () => readonly HistogramSeries<T>[];
  }) {
    const { bounds, read, ...rest } = config;
    super({ ...rest, buckets: [...bounds] });
    this.bounds = bounds;
    this.read = read;
  }

  override get(): Promise<Exported<T>> {
    const { name, help, type, aggregator } = this;
    const bucket = `${name}_bucket`;
    const values: Exported<T>['values'] = [];
    for (const { labels, counts, sum } of this.read()) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += counts[i] ?? 0;
        values.push({ metricName: bucket, labels: { le, ...labels } as LabelValues<T>, value: cumulative });
      });
      const count = cumulative + (counts[this.bounds.length] ?? 0);
      values.push({ metricName: bucket, labels: { le: '+Inf', ...labels } as LabelValues<T>, value: count });
      values.push({ metricName: `${name}_sum`, labels, value: sum });
      values.push({ metricName: `${name}_count`, labels, value: count });
    }
    return Promise.resolve({ name, help, type, aggregator, values, collect: () => undefined });
  }

  /** The registry formats what this returns when it has it (prom-client's own histograms split the labels here). */
  getForPromString(): Promise<Exported<T>> {
    return this.get();
  }
}
