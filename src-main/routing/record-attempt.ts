import type { Clock } from '../clock';
import type { NormalisedUsage } from '../usage/normalise';
import type { UsageLog } from '../usage/usage-log';
import type { Budgets } from './budgets';
import type { RoutedRequest } from './routed-request';

/** What one attempt produced, as its usage event reports it. */
export interface AttemptOutcome {
  status: 'ok' | 'error';
  errorClass: string | null;
  usage: NormalisedUsage;
  cost: number | null;
  priceVersion: number | null;
  latencyMs: number;
}

export interface AttemptLedger {
  usage: UsageLog;
  budgets: Budgets;
  clock: Clock;
}

/**
 * Queues the attempt's usage event (the reservation becomes the real usage, or is given back, in the
 * same transaction); the metrics are read from its rollups.
 */
export function recordAttempt(ledger: AttemptLedger, run: RoutedRequest, o: AttemptOutcome): void {
  const { row, input, reservation } = run;
  ledger.usage.enqueue(
    {
      requestId: run.requestId,
      attempt: run.attempt,
      configId: row.id,
      providerName: row.name,
      providerKind: row.kind,
      model: row.model,
      task: input.task,
      userId: input.userId,
      status: o.status,
      errorClass: o.errorClass,
      inputTokens: o.usage.inputTokens,
      outputTokens: o.usage.outputTokens,
      cachedInputTokens: o.usage.cachedInputTokens,
      estimated: o.usage.estimated,
      costMicros: o.status === 'ok' ? o.cost : 0,
      priceVersion: o.priceVersion,
      latencyMs: o.latencyMs,
      ttftMs: run.ttftMs === null ? null : Math.round(run.ttftMs),
      fallback: run.fallback,
      createdAt: ledger.clock.now(),
    },
    reservation
      ? ledger.budgets.finish(
          reservation,
          o.status === 'ok' ? { tokens: o.usage.inputTokens + o.usage.outputTokens, costMicros: o.cost ?? 0 } : null,
        )
      : undefined,
  );
}
