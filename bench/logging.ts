import type { UsageEvent } from '../src-main/usage/usage-log';
import { benchCore } from './bench-core';
import { runGroupCommit, type GroupCommitResult } from './logging-group-commit';
import { nowUs, percentile, round } from './summary';

export interface LoggingResult {
  /** Calls answered through the group commit (the core's committing dispatch), events per second. */
  groupCommit: GroupCommitResult;
  /** One immediate transaction per `UsageLog.record`: */
  calls: number;
  callsPerSec: number;
  p50Us: number;
  p99Us: number;
  /** The durability settings in force (the app's own). */
  journalMode: string;
  synchronous: string;
}

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

function event(i: number, configId: string): UsageEvent {
  return {
    requestId: `log-bench-${i}`,
    attempt: 1,
    configId,
    providerName: 'bench',
    providerKind: 'openai-compatible',
    model: 'gpt-4o-mini',
    task: i % 4 === 0 ? 'cv_draft' : 'extraction',
    userId: `user${i % 20}`,
    status: i % 25 === 0 ? 'error' : 'ok',
    errorClass: i % 25 === 0 ? 'unavailable' : null,
    inputTokens: 1_200 + (i % 500),
    outputTokens: 300 + (i % 200),
    cachedInputTokens: 0,
    estimated: false,
    costMicros: 420,
    priceVersion: 1,
    latencyMs: 800 + (i % 700),
    ttftMs: null,
    fallback: false,
    createdAt: Date.now(),
  };
}

/** Calls in flight at once in the group-commit run. */
const GROUP_CALLERS = 64;

/**
 * On a fresh database opened exactly as the app opens it (WAL, synchronous NORMAL): usage events through
 * the group commit as IPC calls make them (runGroupCommit), then UsageLog.record one call at a time, each
 * its own immediate transaction (event + rollups).
 */
export async function runLogging(o: { quick: boolean; log: (line: string) => void }): Promise<LoggingResult> {
  const calls = o.quick ? 10_000 : 50_000;
  const bench = benchCore();
  try {
    const { sqlite } = bench.core.store;
    const { usageLog } = bench.core.services;
    for (let i = 0; i < 1_000; i++) usageLog.record(event(-i, 'warm-up'));
    const groupEvents = o.quick ? 50_000 : 200_000;
    o.log(`logging: ${groupEvents} events through the group commit, ${GROUP_CALLERS} calls in flight`);
    await runGroupCommit({
      core: bench.core,
      events: 5_000,
      callers: GROUP_CALLERS,
      event: (i) => event(-1_000 - i, 'warm-up'),
    });
    const groupCommit = await runGroupCommit({
      core: bench.core,
      events: groupEvents,
      callers: GROUP_CALLERS,
      event: (i) => event(calls + i, 'bench'),
    });
    o.log(`logging: ${calls} events, one transaction each`);
    const samples: number[] = [];
    const started = nowUs();
    for (let i = 0; i < calls; i++) {
      const t0 = nowUs();
      usageLog.record(event(i, 'bench'));
      samples.push(nowUs() - t0);
      // Let the event loop breathe as a running app would (timers, I/O) without charging it to a call.
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
    const elapsedUs = nowUs() - started;
    return {
      groupCommit,
      calls,
      callsPerSec: Math.round(calls / (elapsedUs / 1e6)),
      p50Us: round(percentile(samples, 0.5)),
      p99Us: round(percentile(samples, 0.99)),
      journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
      synchronous: SYNCHRONOUS[Number(sqlite.pragma('synchronous', { simple: true }))] ?? 'unknown',
    };
  } finally {
    bench.close();
  }
}
