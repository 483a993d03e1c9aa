import { benchCore } from '../bench-core';
import type { PeakRss } from '../memory';
import { round } from '../summary';
import { ensureStatsDb, type StatsDbInfo } from './build';
import { BUILD_BATCH, type StatsSize } from './params';
import { timeMetricsScrape, type MetricsScrapeTiming } from './metrics-scrape';
import { timeDashboardQueries, type QueryTiming } from './queries';

export interface StatsResult {
  db: StatsDbInfo & {
    buildBatch: number;
    rollupRows: { daily: number; hourly: number; hourTotals: number; monthly: number };
  };
  /** Slowest query median (direct service call), ms. */
  maxQueryMs: number;
  /** Slowest query median through dispatch (what the UI waits for), ms. */
  maxIpcMs: number;
  queries: QueryTiming[];
  /** `aditus metrics` and the exporter's scrape over the same ledger. */
  metricsScrape: MetricsScrapeTiming;
}

export async function runStats(o: {
  dataDir: string;
  size: StatsSize;
  rebuild: boolean;
  quick: boolean;
  peak: PeakRss;
  log: (line: string) => void;
}): Promise<StatsResult> {
  const info = await ensureStatsDb({ dataDir: o.dataDir, size: o.size, rebuild: o.rebuild, log: o.log });
  const bench = benchCore(o.dataDir);
  try {
    const count = (table: string): number =>
      (bench.core.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const events = count('usage_events');
    if (events !== o.size.events) throw new Error(`stats database has ${events} events, expected ${o.size.events}`);
    // First, while this core has summed nothing yet: the first scrape of a process.
    o.log('stats: timing the Prometheus scrape');
    const metricsScrape = await timeMetricsScrape(bench.core, o.quick ? 5 : 9);
    o.log('stats: timing the dashboard queries');
    const queries = await timeDashboardQueries({
      core: bench.core,
      endMs: info.endMs,
      days: info.days,
      runs: o.quick ? 5 : 9,
      peak: o.peak,
    });
    return {
      db: {
        ...info,
        buildBatch: BUILD_BATCH,
        rollupRows: {
          daily: count('usage_daily'),
          hourly: count('usage_hourly'),
          hourTotals: count('usage_hour_totals'),
          monthly: count('usage_monthly_by_dimension'),
        },
      },
      maxQueryMs: round(Math.max(...queries.map((q) => q.ms)), 2),
      maxIpcMs: round(Math.max(...queries.map((q) => q.ipcMs)), 2),
      queries,
      metricsScrape,
    };
  } finally {
    bench.close();
  }
}
