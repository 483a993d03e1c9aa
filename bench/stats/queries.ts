import { GROUP_BYS } from '@contract';
import type { Core } from '../../src-main/core';
import type { PeakRss } from '../memory';
import { median, round } from '../summary';
import { checkTotals } from './consistency';
import { presetRange } from './ranges';

export interface QueryTiming {
  by: string;
  range: '7d' | '90d';
  /** Groups returned. */
  rows: number;
  /** `core.services.stats.query` (groups + totals), median of the runs, ms. */
  ms: number;
  /** The same through `dispatch('usage:stats')` as the UI calls it (zod in and out), median, ms. */
  ipcMs: number;
}

const RANGES = [
  ['7d', 7],
  ['90d', 90],
] as const;

function timeMs(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function timeAsyncMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Every dashboard query (each grouping, 7 and 90 days): one warm-up, then the median of `runs`. */
export async function timeDashboardQueries(o: {
  core: Core;
  endMs: number;
  runs: number;
  peak: PeakRss;
}): Promise<QueryTiming[]> {
  const { stats } = o.core.services;
  const session = o.core.localSession('cli');
  const timings: QueryTiming[] = [];
  for (const [label, days] of RANGES) {
    const range = presetRange(days, o.endMs);
    checkTotals(
      o.core,
      range,
      GROUP_BYS.map((by) => stats.query(range, by)),
    );
    for (const by of GROUP_BYS) {
      const rows = stats.query(range, by).groups.length;
      const direct: number[] = [];
      const ipc: number[] = [];
      for (let i = 0; i < o.runs; i++) {
        direct.push(timeMs(() => stats.query(range, by)));
        ipc.push(
          await timeAsyncMs(async () => {
            const result = await o.core.dispatch('usage:stats', { ...range, by }, session);
            if (!result.ok) throw new Error(`usage:stats failed: ${result.error.message}`);
          }),
        );
        o.peak.sample();
      }
      timings.push({ by, range: label, rows, ms: round(median(direct), 2), ipcMs: round(median(ipc), 2) });
    }
  }
  return timings;
}
