import { benchCore } from '../bench-core';
import { startEmulatorProcess } from '../emulator-process';
import { median, percentile, round } from '../summary';
import { runCpuPerCall, type CpuResult } from './cpu-per-call';
import { directCaller } from './direct-client';
import { routedCaller } from './routed-client';
import { runInterleaved, warmUp, type ModeSamples } from './workload';

export interface OverheadRun {
  requests: number;
  concurrency: number;
  directP50Us: number;
  directP99Us: number;
  routedP50Us: number;
  routedP99Us: number;
  /** routed − direct at the median, µs. */
  addedP50Us: number;
  /** routed − direct at the 99th percentile, µs. */
  addedP99Us: number;
  directRps: number;
  routedRps: number;
  /**
   * routed ÷ direct throughput: the median over the rounds of routed and direct blocks that ran back to
   * back (each round's routed block's requests/s ÷ its direct block's).
   */
  throughputRatio: number;
  /** The same rounds' 25th and 75th percentile: how much the rounds differ. */
  throughputRatioIqr: [number, number];
  /** routedRps ÷ directRps, the totals: one slow stretch on either side moves it. */
  throughputRatioOfTotals: number;
}

export interface OverheadResult {
  emulator: 'child process (loopback)';
  sequential: OverheadRun;
  concurrent: OverheadRun;
  /** The pipeline's CPU time per call with a canned transport (no emulator, no network). */
  cpu: CpuResult;
}

function summarise(direct: ModeSamples, routed: ModeSamples, concurrency: number): OverheadRun {
  const d50 = percentile(direct.latenciesUs, 0.5);
  const d99 = percentile(direct.latenciesUs, 0.99);
  const r50 = percentile(routed.latenciesUs, 0.5);
  const r99 = percentile(routed.latenciesUs, 0.99);
  const directRps = direct.latenciesUs.length / (direct.wallUs / 1e6);
  const routedRps = routed.latenciesUs.length / (routed.wallUs / 1e6);
  const roundRatios = routed.blockRps.map((rps, i) => rps / (direct.blockRps[i] ?? Number.NaN));
  return {
    requests: routed.latenciesUs.length,
    concurrency,
    directP50Us: round(d50),
    directP99Us: round(d99),
    routedP50Us: round(r50),
    routedP99Us: round(r99),
    addedP50Us: round(r50 - d50),
    addedP99Us: round(r99 - d99),
    directRps: round(directRps),
    routedRps: round(routedRps),
    throughputRatio: round(median(roundRatios), 3),
    throughputRatioIqr: [round(percentile(roundRatios, 0.25), 3), round(percentile(roundRatios, 0.75), 3)],
    throughputRatioOfTotals: round(routedRps / directRps, 3),
  };
}

export const CONCURRENCY = 16;
/**
 * Requests per block: short blocks alternate often, so a stall (a GC, another process) or the machine's
 * drift lands on both sides alike instead of on whichever side ran one of a few long blocks.
 */
const BLOCK_SIZE = 100;

/** Router overhead: the same requests to the emulator, directly with the SDK and through the pipeline. */
export async function runOverhead(opts: { quick: boolean; log: (line: string) => void }): Promise<OverheadResult> {
  const total = opts.quick ? 1_000 : 5_000;
  const cpu = await runCpuPerCall(opts);
  const emulator = await startEmulatorProcess();
  const bench = benchCore();
  try {
    const direct = directCaller(emulator.url);
    const routed = await routedCaller(bench.core, emulator.url);
    opts.log(`overhead: warm-up`);
    await warmUp([direct, routed], 1_000, 1);
    await warmUp([direct, routed], 1_000, CONCURRENCY);
    opts.log(`overhead: ${total} sequential requests each way`);
    const finishRouted = () => void bench.core.services.usageLog.flush();
    const seq = await runInterleaved({ direct, routed, finishRouted, total, concurrency: 1, blockSize: BLOCK_SIZE });
    opts.log(`overhead: ${total} requests each way, ${CONCURRENCY} concurrent`);
    const conc = await runInterleaved({
      direct,
      routed,
      finishRouted,
      total,
      concurrency: CONCURRENCY,
      blockSize: BLOCK_SIZE,
    });
    return {
      emulator: 'child process (loopback)',
      sequential: summarise(seq.direct, seq.routed, 1),
      concurrent: summarise(conc.direct, conc.routed, CONCURRENCY),
      cpu,
    };
  } finally {
    bench.close();
    await emulator.close();
  }
}
