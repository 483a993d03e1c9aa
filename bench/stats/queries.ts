import { GROUP_BYS } from '@contract';
import type { Core } from '../../src-main/core';
import type { PeakRss } from '../memory';
import { median, round } from '../summary';
import { checkTotals } from './consistency';
import { presetRange } from './ranges';

export interface QueryTiming {
  /** A grouping of `usage:stats`, or `dashboard`: the Usage page's one `usage:dashboard` call. */
  by: string;
  /** `7d`, `30d`, `90d` (the page's presets) and, when the ledger is longer, its whole span (`400d`). */
  range: string;
  /** Groups returned. */
  rows: number;
  /** `core.services.stats.query` (groups + totals), median of the runs, ms. */
  ms: number;
  /** The same runs' CPU time (user + system) of this process, median, ms: steadier than `ms` on a busy machine. */
  cpuMs: number;
  /** The same through `dispatch('usage:stats')` as the UI calls it (zod in and out), median, ms. */
  ipcMs: number;
}

/** The page's presets, and a custom range over the whole ledger when it spans more days. */
function rangesFor(ledgerDays: number): [label: string, days: number][] {
  const presets: [string, number][] = [
    ['7d', 7],
    ['30d', 30],
    ['90d', 90],
  ];
  return ledgerDays > 90 ? [...presets, [`${ledgerDays}d`, ledgerDays]] : presets;
}

/** Wall and CPU time of one synchronous run, ms. */
function timeMs(run: () => unknown, cpu: number[]): number {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpuStarted);
  cpu.push((used.user + used.system) / 1000);
  return performance.now() - started;
}

async function timeAsyncMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** The Usage page's own call: every chart's groups of one range at once. */
async function timeDashboard(
  o: { core: Core; runs: number; peak: PeakRss },
  range: { from: number; to: number },
  label: string,
  session: ReturnType<Core['localSession']>,
): Promise<QueryTiming> {
  const { stats } = o.core.services;
  const first = stats.dashboard(range);
  const rows = [first.byProvider, first.byProviderDay, first.byDay, first.byTask, first.byUser, first.byHourOfDay]
    .map((groups) => groups.length)
    .reduce((a, b) => a + b, 0);
  const direct: number[] = [];
  const cpu: number[] = [];
  const ipc: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    direct.push(timeMs(() => stats.dashboard(range), cpu));
    ipc.push(
      await timeAsyncMs(async () => {
        const result = await o.core.dispatch('usage:dashboard', range, session);
        if (!result.ok) throw new Error(`usage:dashboard failed: ${result.error.message}`);
      }),
    );
    o.peak.sample();
  }
  return {
    by: 'dashboard',
    range: label,
    rows,
    ms: round(median(direct), 2),
    cpuMs: round(median(cpu), 2),
    ipcMs: round(median(ipc), 2),
  };
}

/** Every dashboard query (each grouping, 7 and 90 days): one warm-up, then the median of `runs`. */
export async function timeDashboardQueries(o: {
  core: Core;
  endMs: number;
  /** The days the ledger spans. */
  days: number;
  runs: number;
  peak: PeakRss;
}): Promise<QueryTiming[]> {
  const { stats } = o.core.services;
  const session = o.core.localSession('cli');
  const timings: QueryTiming[] = [];
  for (const [label, days] of rangesFor(o.days)) {
    const range = presetRange(days, o.endMs);
    checkTotals(
      o.core,
      range,
      GROUP_BYS.map((by) => stats.query(range, by)),
    );
    for (const by of GROUP_BYS) {
      const rows = stats.query(range, by).groups.length;
      const direct: number[] = [];
      const cpu: number[] = [];
      const ipc: number[] = [];
      for (let i = 0; i < o.runs; i++) {
        direct.push(timeMs(() => stats.query(range, by), cpu));
        ipc.push(
          await timeAsyncMs(async () => {
            const result = await o.core.dispatch('usage:stats', { ...range, by }, session);
            if (!result.ok) throw new Error(`usage:stats failed: ${result.error.message}`);
          }),
        );
        o.peak.sample();
      }
      timings.push({
        by,
        range: label,
        rows,
        ms: round(median(direct), 2),
        cpuMs: round(median(cpu), 2),
        ipcMs: round(median(ipc), 2),
      });
    }
    timings.push(await timeDashboard(o, range, label, session));
  }
  return timings;
}
