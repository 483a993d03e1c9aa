import type { Result } from '@contract';
import type { Core } from '../src-main/core';
import { committingDispatch } from '../src-main/ipc/committing-dispatch';
import type { UsageEvent } from '../src-main/usage/usage-log';
import { nowUs, percentile, round } from './summary';

export interface GroupCommitResult {
  /** Calls in flight at once, each answered only after the commit that holds its usage event. */
  callers: number;
  events: number;
  eventsPerSec: number;
  /** Main-thread CPU (user + system) per event, µs: what logging costs the process, whatever the load. */
  cpuUsPerEvent: number;
  /** Events per transaction, mean. */
  meanGroup: number;
  /** From an event being queued to its call's answer leaving the dispatch, µs. */
  answerWaitP50Us: number;
  answerWaitP99Us: number;
}

/** The provider's answer arriving: I/O completes, then the handler goes on in a later turn of the loop. */
const providerAnswer = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Usage events through the group commit as IPC and CLI calls make them: `callers` calls in flight, each
 * going through the core's committing dispatch around a handler that waits for its provider's answer and
 * queues one usage event. A call's answer is released only after the transaction that holds its event; the
 * bench checks that for every call (and fails if one answer left first).
 */
export async function runGroupCommit(o: {
  core: Core;
  events: number;
  callers: number;
  event: (i: number) => UsageEvent;
}): Promise<GroupCommitResult> {
  const { usageLog } = o.core.services;
  let commits = 0;
  const flush = usageLog.flush.bind(usageLog);
  usageLog.flush = () => {
    if (usageLog.pending() > 0) commits++;
    return flush();
  };
  const committed = new Set<number>();
  const queuedAt = new Map<number, number>();
  const waits: number[] = [];
  const handler = async (_channel: string, input: unknown): Promise<Result<unknown>> => {
    await providerAnswer();
    const i = input as number;
    queuedAt.set(i, nowUs());
    usageLog.enqueue(o.event(i), undefined, () => committed.add(i));
    return { ok: true, data: i };
  };
  const dispatch = committingDispatch(handler, usageLog);
  const session = o.core.localSession('cli');
  let next = 0;
  let early = 0;
  const caller = async (): Promise<void> => {
    while (next < o.events) {
      const i = next++;
      await dispatch('bench:call', i, session);
      waits.push(nowUs() - (queuedAt.get(i) ?? 0));
      queuedAt.delete(i);
      if (!committed.delete(i)) early++;
    }
  };
  const cpu = process.cpuUsage();
  const started = nowUs();
  try {
    await Promise.all(Array.from({ length: o.callers }, caller));
  } finally {
    usageLog.flush = flush;
  }
  const elapsedUs = nowUs() - started;
  const used = process.cpuUsage(cpu);
  if (early > 0) throw new Error(`${early} answers left before their usage events were committed`);
  return {
    callers: o.callers,
    events: o.events,
    eventsPerSec: Math.round(o.events / (elapsedUs / 1e6)),
    cpuUsPerEvent: round((used.user + used.system) / o.events, 1),
    meanGroup: round(o.events / Math.max(1, commits), 1),
    answerWaitP50Us: round(percentile(waits, 0.5)),
    answerWaitP99Us: round(percentile(waits, 0.99)),
  };
}
