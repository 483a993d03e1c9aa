import { nowUs } from '../summary';

export type Call = () => Promise<void>;

export interface ModeSamples {
  /** Per-request latency, µs. */
  latenciesUs: number[];
  /** Wall time of all blocks of this mode, µs. */
  wallUs: number;
  /** Each block's throughput (requests/s), in the order the blocks ran. */
  blockRps: number[];
}

const emptySamples = (): ModeSamples => ({ latenciesUs: [], wallUs: 0, blockRps: [] });

/**
 * Runs `count` calls with `concurrency` workers; returns each call's latency and the wall time, which
 * includes `finish` (work the calls left behind them).
 */
async function runBlock(
  call: Call,
  count: number,
  concurrency: number,
  into: ModeSamples,
  finish?: () => void,
): Promise<void> {
  let next = 0;
  const started = nowUs();
  const worker = async (): Promise<void> => {
    while (next < count) {
      next++;
      const t0 = nowUs();
      await call();
      into.latenciesUs.push(nowUs() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  finish?.();
  const wallUs = nowUs() - started;
  into.wallUs += wallUs;
  into.blockRps.push(count / (wallUs / 1e6));
}

export interface InterleavedOptions {
  direct: Call;
  routed: Call;
  /** Commits what the routed calls left queued (their usage events), inside their blocks' wall time. */
  finishRouted: () => void;
  /** Requests per mode. */
  total: number;
  concurrency: number;
  blockSize: number;
}

/**
 * Direct and routed requests in alternating blocks (ABBA order), so drift in the machine's state (CPU
 * frequency, GC, another process) falls on both sides equally.
 */
export async function runInterleaved(o: InterleavedOptions): Promise<{ direct: ModeSamples; routed: ModeSamples }> {
  const direct: ModeSamples = emptySamples();
  const routed: ModeSamples = emptySamples();
  let done = 0;
  for (let block = 0; done < o.total; block++) {
    const size = Math.min(o.blockSize, o.total - done);
    const order = block % 2 === 0 ? (['d', 'r'] as const) : (['r', 'd'] as const);
    for (const mode of order) {
      if (mode === 'd') await runBlock(o.direct, size, o.concurrency, direct);
      else await runBlock(o.routed, size, o.concurrency, routed, o.finishRouted);
    }
    done += size;
  }
  return { direct, routed };
}

/** Warm-up: JIT, connection pool, SQLite page cache, prepared statements. */
export async function warmUp(calls: Call[], count: number, concurrency: number): Promise<void> {
  const scratch: ModeSamples = emptySamples();
  for (const call of calls) await runBlock(call, count, concurrency, scratch);
}
