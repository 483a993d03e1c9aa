import type { Core } from '../../src-main/core';
import { median, round } from '../summary';

export interface MetricsScrapeTiming {
  /** The first `metrics.text()` of a process: every hour of the ledger summed (what `aditus metrics` pays), ms. */
  firstMs: number;
  /** A later scrape (what the exporter pays every scrape interval): only the hours since, median of `runs`, ms. */
  nextMs: number;
}

/** The Prometheus scrape over the stats database's usage ledger (usage/metric-totals.ts). */
export async function timeMetricsScrape(core: Core, runs: number): Promise<MetricsScrapeTiming> {
  const scrapeMs = async (): Promise<number> => {
    const started = performance.now();
    await core.services.metrics.text();
    return performance.now() - started;
  };
  const firstMs = await scrapeMs();
  const next: number[] = [];
  for (let i = 0; i < runs; i++) next.push(await scrapeMs());
  return { firstMs: round(firstMs, 1), nextMs: round(median(next), 2) };
}
