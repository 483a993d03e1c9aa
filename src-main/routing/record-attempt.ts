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
  /** The users' quotas (same mechanism, users as the subject). */
  quotas?: { budgets: Budgets };
  clock: Clock;
}

/**
 * The attempt's record, taken now and written when the router knows what followed it (`followedByFallback`:
 * the router moved on to another provider after it): queues its usage event (the reservation becomes the
 * real usage, or is given back, in the same transaction); the metrics are read from its rollups.
 */
export function attemptRecord(
  ledger: AttemptLedger,
  run: RoutedRequest,
  o: AttemptOutcome,
): (followedByFallback: boolean) => void {
  const { row, input, reservation, userReservation, requestId, attempt, routeReason } = run;
  const ttftMs = run.ttftMs === null ? null : Math.round(run.ttftMs);
  const createdAt = ledger.clock.now();
  return (followedByFallback) =>
    write(
      ledger,
      { row, input, reservation, userReservation, requestId, attempt, routeReason, ttftMs, createdAt },
      o,
      followedByFallback,
    );
}

interface AttemptSnapshot extends Pick<
  RoutedRequest,
  'row' | 'input' | 'reservation' | 'userReservation' | 'requestId' | 'attempt' | 'routeReason'
> {
  ttftMs: number | null;
  createdAt: number;
}

/** Each reason's JSON, written once however many attempts and calls share it (the `priority` order is reused). */
const reasonJson = new WeakMap<object, string>();

function jsonOf(reason: object): string {
  let json = reasonJson.get(reason);
  if (json === undefined) {
    json = JSON.stringify(reason);
    reasonJson.set(reason, json);
  }
  return json;
}

function write(ledger: AttemptLedger, run: AttemptSnapshot, o: AttemptOutcome, followedByFallback: boolean): void {
  const { row, input } = run;
  const used =
    o.status === 'ok' ? { tokens: o.usage.inputTokens + o.usage.outputTokens, costMicros: o.cost ?? 0 } : null;
  // The provider's budget and the user's quota settle in the usage event's transaction.
  const settleBudget = run.reservation ? ledger.budgets.finish(run.reservation, used) : null;
  const settleQuota =
    run.userReservation && ledger.quotas ? ledger.quotas.budgets.finish(run.userReservation, used) : null;
  const settle =
    settleBudget && settleQuota
      ? () => {
          settleBudget();
          settleQuota();
        }
      : (settleBudget ?? settleQuota ?? undefined);
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
      ttftMs: run.ttftMs,
      fallback: followedByFallback,
      routeReason: jsonOf(run.routeReason),
      createdAt: run.createdAt,
    },
    settle,
  );
}
