import { benchCore } from '../bench-core';
import { median, percentile, round } from '../summary';
import { withCannedFetch } from './canned-fetch';
import { directCaller } from './direct-client';
import { routedCaller, strategyRoutedCaller } from './routed-client';
import type { Call } from './workload';

/** The pipeline's own CPU time per call: routed minus direct, both with the canned `fetch`. */
export interface CpuPerCall {
  /** Calls per block; each round is a direct and a routed block back to back (ABBA order). */
  blockSize: number;
  rounds: number;
  /** Median over the rounds of (routed block's CPU − direct block's CPU) ÷ calls, µs. */
  cpuPerCallUs: number;
  /** The rounds' 25th and 75th percentile of that difference. */
  cpuPerCallIqrUs: [number, number];
  /** Median CPU per call of each side, µs (user + system, this process, all its threads). */
  directCpuUs: number;
  routedCpuUs: number;
  /**
   * The quietest blocks: each side's 10th percentile of CPU per call, routed − direct, µs. Other processes on
   * the machine inflate a block's CPU time (shared caches, SMT); the quietest blocks show it least.
   */
  quietCpuPerCallUs: number;
}

export interface CpuResult {
  transport: 'canned fetch (in process)';
  /** One provider, the default `priority` strategy: the bench's usual routed call. */
  priority: CpuPerCall;
  /** Two providers and the `balanced` strategy: each call orders them by their recent statistics. */
  balanced: CpuPerCall;
  /**
   * `priority` with a caller that can cancel (an abort signal per call, on both sides), as the app's IPC calls
   * are: the pipeline then links its own deadline to the caller's signal.
   */
  cancellable: CpuPerCall;
}

const cpuUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** CPU time of `count` sequential calls, `finish` included (the usage events' commit). */
async function blockCpuUs(call: Call, count: number, finish?: () => void): Promise<number> {
  const start = cpuUs();
  for (let i = 0; i < count; i++) await call();
  finish?.();
  return cpuUs() - start;
}

async function measure(
  build: (core: ReturnType<typeof benchCore>['core']) => Promise<Call>,
  opts: { rounds: number; blockSize: number; warmUp: number; cancellable?: boolean },
): Promise<CpuPerCall> {
  const bench = benchCore();
  try {
    return await withCannedFetch(async () => {
      const direct = directCaller(CANNED_URL, { cancellable: opts.cancellable ?? false });
      const routed = await build(bench.core);
      const finish = () => void bench.core.services.usageLog.flush();
      await blockCpuUs(direct, opts.warmUp);
      await blockCpuUs(routed, opts.warmUp, finish);
      const added: number[] = [];
      const directPer: number[] = [];
      const routedPer: number[] = [];
      for (let round = 0; round < opts.rounds; round++) {
        const directFirst = round % 2 === 0;
        const a = directFirst
          ? await blockCpuUs(direct, opts.blockSize)
          : await blockCpuUs(routed, opts.blockSize, finish);
        const b = directFirst
          ? await blockCpuUs(routed, opts.blockSize, finish)
          : await blockCpuUs(direct, opts.blockSize);
        const [d, r] = directFirst ? [a, b] : [b, a];
        directPer.push(d / opts.blockSize);
        routedPer.push(r / opts.blockSize);
        added.push((r - d) / opts.blockSize);
      }
      return {
        blockSize: opts.blockSize,
        rounds: opts.rounds,
        cpuPerCallUs: round(median(added)),
        cpuPerCallIqrUs: [round(percentile(added, 0.25)), round(percentile(added, 0.75))],
        directCpuUs: round(median(directPer)),
        routedCpuUs: round(median(routedPer)),
        quietCpuPerCallUs: round(percentile(routedPer, 0.1) - percentile(directPer, 0.1)),
      };
    });
  } finally {
    bench.close();
  }
}

const CANNED_URL = 'http://canned.invalid';

/** Per-call CPU of the pipeline, deterministic: no network, no emulator, the provider answers in process. */
export async function runCpuPerCall(opts: { quick: boolean; log: (line: string) => void }): Promise<CpuResult> {
  const sizes = { rounds: opts.quick ? 20 : 60, blockSize: 200, warmUp: 3_000 };
  opts.log(`overhead: CPU per call, canned fetch, ${sizes.rounds} rounds of ${sizes.blockSize} calls each way`);
  const priority = await measure((core) => routedCaller(core, CANNED_URL), sizes);
  opts.log(`overhead: CPU per call, balanced strategy over two providers`);
  const balanced = await measure((core) => strategyRoutedCaller(core, CANNED_URL, 'balanced'), sizes);
  opts.log(`overhead: CPU per call, priority, cancellable (an abort signal per call)`);
  const cancellable = await measure((core) => routedCaller(core, CANNED_URL, { cancellable: true }), {
    ...sizes,
    cancellable: true,
  });
  return { transport: 'canned fetch (in process)', priority, balanced, cancellable };
}
