import type { Clock } from '../clock';
import { ProviderFailure, type AppError } from '../errors';
import { ProviderError, isProviderError } from '../providers/errors';
import type { ProviderConfigRow } from '../providers/config-service';
import type { LlmProvider, LlmResult } from '../providers/types';
import { normaliseUsage, type NormalisedUsage } from '../usage/normalise';
import type { Metrics } from '../usage/metrics';
import { costMicros, type PricingService } from '../usage/pricing';
import type { UsageLog } from '../usage/usage-log';
import { hasLimits, type BudgetDenial, type Budgets, type Reservation } from './budgets';
import { callProvider } from './call-provider';
import type { CircuitBreakers } from './circuit-breaker';
import { requestText } from './estimate';
import { allowedByPolicy, keySkip, worstCaseOf } from './candidate-rules';
import type { Outbox } from './outbox';
import { configuredOrder, type OrderedCandidates } from './strategy/route-order';
import { attemptRecord } from './record-attempt';
import { backoffMs } from './retry-policy';
import { RoutedRequest } from './routed-request';
import { NO_SCRUB, type TextScrubber } from './scrub';
import { allFailed, budgetExceeded, noProvider, policyRefused, providerNotRouted, queued } from './routing-errors';
import { quotaExceeded, quotaMessage } from './quota-errors';
import type { UserQuota, UserQuotas } from './user-quotas';
import type { EffectivePolicy } from './compliance/policy-rules';
import type { AttemptRecord, DataSent, RouteAnswer, RouteRequest } from './types';

export const MAX_ATTEMPTS_PER_CANDIDATE = 3;

const JSON_REPAIR_TURN = [
  {
    role: 'user' as const,
    content: [
      {
        type: 'text' as const,
        text: 'Your previous answer was not valid JSON. Reply again with only the JSON object that matches the schema: no prose, no code fences.',
      },
    ],
  },
];

/** Error classes that count against a provider's health. */
const BREAKER_CLASSES = new Set(['unavailable', 'rate_limited', 'offline']);

const NO_USAGE: NormalisedUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, estimated: false };

export interface RouterDeps {
  candidates: (task: string, providerName?: string) => ProviderConfigRow[];
  /** Puts the candidates in the task's strategy order (the configured order when omitted). */
  order?: (task: RouteRequest['task'], rows: ProviderConfigRow[]) => OrderedCandidates;
  providerFor: (row: ProviderConfigRow) => LlmProvider;
  markKeyInvalid: (configId: string) => void;
  budgets: Budgets;
  breakers: CircuitBreakers;
  usage: UsageLog;
  pricing: PricingService;
  metrics: Metrics;
  outbox: Outbox;
  clock: Clock;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  /** Removes stored secrets from answers and streamed text (none when omitted). */
  scrub?: TextScrubber;
  /** The data policy in force for a task and candidate (any region when omitted). */
  policy?: (task: string, candidateId: string | null) => EffectivePolicy;
  /** Records where a request's candidate data was sent (the audit log). */
  recordDataSent?: (sent: DataSent) => void;
  /** The acting user's quotas (none when omitted). */
  quotas?: UserQuotas;
}

const ANY_REGION: EffectivePolicy = { allow: 'any', from: [] };

/** How a candidate ended: it answered, or the next one is tried, or routing stops to queue the request. */
type CandidateOutcome = RouteAnswer | 'next' | 'over_budget_queue';
/** What follows an attempt on the same candidate. */
type AfterAttempt = CandidateOutcome | 'retry';

/**
 * Task routing: candidates in order, bounded retries with backoff, failover, budgets, usage, metrics.
 * Whatever `route` throws is an AppError; a provider's own error never leaves it.
 */
export class Router {
  private readonly scrub: TextScrubber;

  constructor(private readonly deps: RouterDeps) {
    this.scrub = deps.scrub ?? NO_SCRUB;
  }

  async route(input: RouteRequest): Promise<RouteAnswer> {
    const routed = this.deps.candidates(input.task, input.providerName);
    if (routed.length === 0)
      throw input.providerName ? providerNotRouted(input.providerName, input.task) : noProvider(input.task);
    const quota = this.deps.quotas?.quotaFor(input.userId) ?? null;
    const candidates = this.allowed(input, routed);
    const ordered = this.deps.order?.(input.task, candidates) ?? configuredOrder(candidates);
    const run = new RoutedRequest(input, ordered.reason);
    run.quota = quota;
    try {
      for (const [index, row] of ordered.rows.entries()) {
        const skip = this.skipReason(row);
        if (skip) {
          run.skip(row, skip);
          continue;
        }
        run.startCandidate(row, this.deps.providerFor(row), index > 0);
        const outcome = await this.tryCandidate(run);
        if (typeof outcome === 'object') return outcome;
        if (outcome === 'over_budget_queue') break;
      }
      throw this.unanswered(run);
    } finally {
      // No other provider was tried after the last attempt.
      run.writeHeldAttempt(false);
      this.recordDataSent(run);
    }
  }

  /**
   * The routed configs the request's data policy allows (the stricter of the task's and the candidate's), without
   * those that may not receive personal data when it carries a candidate's. None left: refused, never sent elsewhere.
   */
  private allowed(input: RouteRequest, routed: ProviderConfigRow[]): ProviderConfigRow[] {
    const candidateId = input.candidateData?.candidateId ?? null;
    const policy = this.deps.policy?.(input.task, candidateId) ?? ANY_REGION;
    const allowed = allowedByPolicy(routed, policy, input.candidateData !== undefined);
    if (allowed.length === 0) throw policyRefused(input.task, policy, routed, input.candidateData !== undefined);
    return allowed;
  }

  private recordDataSent(run: RoutedRequest): void {
    const data = run.input.candidateData;
    if (!data || run.sentTo.size === 0 || !this.deps.recordDataSent) return;
    this.deps.recordDataSent({
      candidateId: data.candidateId,
      task: run.input.task,
      requestId: run.requestId,
      userId: run.input.userId,
      sentTo: [...run.sentTo.values()],
    });
  }

  private skipReason(row: ProviderConfigRow): AttemptRecord['reason'] | null {
    const key = keySkip(row);
    if (key) return key;
    if (!this.deps.breakers.tryAcquire(row.id)) return 'circuit_open';
    return null;
  }

  /** Up to MAX_ATTEMPTS_PER_CANDIDATE attempts on the current candidate: reserve → call → record → decide. */
  private async tryCandidate(run: RoutedRequest): Promise<CandidateOutcome> {
    for (let local = 1; local <= MAX_ATTEMPTS_PER_CANDIDATE; local++) {
      const worst = this.worstCase(run);
      const userHold = run.quota ? this.deps.quotas!.reserve(run.quota, run.requestId, worst.tokens, worst.cost) : null;
      if (userHold && 'limit' in userHold) return this.overQuota(run, run.quota!, userHold);
      const reservation = this.reserve(run, worst);
      if (reservation && 'limit' in reservation) {
        if (userHold) this.deps.quotas?.release(userHold);
        return this.overBudget(run, reservation);
      }
      run.startAttempt(reservation, userHold);
      const outcome = await this.attempt(run);
      const next = isProviderError(outcome)
        ? await this.afterError(run, outcome, local)
        : this.afterAnswer(run, outcome);
      // Only a move to the next candidate leaves the attempt held: whether one is tried decides its `fallback`.
      if (next !== 'next') run.writeHeldAttempt(false);
      if (next !== 'retry') return next;
    }
    return 'next';
  }

  /** The attempt's worst case: input estimate + max output tokens, and their cost (0 for an unpriced model). */
  private worstCase(run: RoutedRequest): { tokens: number; cost: number } {
    const { row, request } = run;
    const worst = worstCaseOf(request, row, this.deps.pricing.priceFor(row.model));
    return { tokens: worst.inputTokens + worst.maxOutputTokens, cost: worst.costMicros ?? 0 };
  }

  /** Reserves the attempt's worst case when the config has limits. */
  private reserve(run: RoutedRequest, worst: { tokens: number; cost: number }): Reservation | BudgetDenial | null {
    const { row } = run;
    const limits = {
      dailyTokenLimit: row.dailyTokenLimit,
      monthlyTokenLimit: row.monthlyTokenLimit,
      monthlyCostLimitMicros: row.monthlyCostLimitMicros,
    };
    if (!hasLimits(limits)) return null;
    return this.deps.budgets.reserve(row.id, limits, run.requestId, worst.tokens, worst.cost);
  }

  /** Stores the whole request in the outbox, to run at `notBefore` (or when a provider answers again). */
  private enqueue(input: RouteRequest, queue: NonNullable<RouteRequest['queue']>, notBefore?: number): string {
    return this.deps.outbox.enqueue(
      {
        idempotencyKey: queue.idempotencyKey,
        task: input.task,
        request: input.request,
        userId: input.userId,
        providerName: input.providerName ?? null,
        ...(input.candidateData ? { candidateData: input.candidateData } : {}),
        completion: queue.completion,
      },
      notBefore,
    );
  }

  /**
   * The acting user's quota is reached: whatever the provider, routing stops. `queue` stores a queueable
   * request until the quota resets; otherwise a typed error (with `offline`, the drafting service answers
   * with the builtin drafter).
   */
  private overQuota(run: RoutedRequest, quota: UserQuota, denial: BudgetDenial): never {
    const { user } = quota;
    this.deps.breakers.releaseProbe(run.row.id);
    const { input } = run;
    if (user.onLimit === 'queue' && input.queue) {
      const id = this.enqueue(input, input.queue, denial.resetsAt);
      throw queued(id, input.task, run.trail, denial.resetsAt, {
        why: 'quota',
        sentence: quotaMessage(user.name, denial),
      });
    }
    throw quotaExceeded(user.name, user.onLimit, denial, run.trail);
  }

  /** The config's limit is reached: an error, a skip, or (with `queue` and a queueable request) the outbox. */
  private overBudget(run: RoutedRequest, denial: BudgetDenial): CandidateOutcome {
    const { row } = run;
    this.deps.breakers.releaseProbe(row.id);
    if (row.onLimit === 'error') throw budgetExceeded(row.name, denial, run.trail);
    run.skip(row, row.onLimit === 'queue' ? 'over_budget_queue' : 'over_budget');
    if (row.onLimit !== 'queue') return 'next';
    run.budgetResetsAt = Math.min(run.budgetResetsAt ?? Infinity, denial.resetsAt);
    return run.input.queue ? 'over_budget_queue' : 'next';
  }

  /** One call to the current candidate, its usage recorded and the circuit breaker told: the answer or why not. */
  private async attempt(run: RoutedRequest): Promise<RouteAnswer | ProviderError> {
    run.startedAt = performance.now();
    run.ttftMs = null;
    try {
      return this.settleAnswer(run, await callProvider(run, this.scrub));
    } catch (caught) {
      return this.settleFailure(run, caught);
    }
  }

  private settleAnswer(run: RoutedRequest, answered: LlmResult): RouteAnswer {
    const { row, request } = run;
    // A provider may echo the request's Authorization header: no stored key leaves the router in model text.
    const text = this.scrub.text(run.restore(answered.text));
    const result = text === answered.text ? answered : { ...answered, text };
    const latencyMs = Math.round(performance.now() - run.startedAt);
    const usage = normaliseUsage(row.kind, result.usage, {
      inputText: () => requestText(request),
      outputText: result.text,
    });
    const price = this.deps.pricing.priceFor(result.model || row.model);
    const cost = price ? costMicros(price, usage) : null;
    run.holdAttempt(
      attemptRecord(this.deps, run, {
        status: 'ok',
        errorClass: null,
        usage,
        cost,
        priceVersion: price?.version ?? null,
        latencyMs,
      }),
    );
    this.deps.breakers.record(row.id, true);
    this.deps.metrics.circuitState(row.name, this.deps.breakers.state(row.id));
    run.latencyMs = latencyMs;
    return {
      requestId: run.requestId,
      text,
      result,
      providerName: row.name,
      providerKind: row.kind,
      configId: row.id,
      model: result.model || row.model,
      usage,
      costUsd: cost === null ? null : cost / 1e6,
      attempts: run.trail,
      fallback: run.fallback,
      routeReason: run.routeReason,
      masked: run.masked,
      sentTo: [...run.sentTo.values()],
    };
  }

  private settleFailure(run: RoutedRequest, caught: unknown): ProviderError {
    const { row } = run;
    const err = isProviderError(caught)
      ? caught
      : new ProviderError({
          errorClass: 'unavailable',
          providerKind: row.kind,
          message: `${row.name} failed unexpectedly.`,
        });
    const latencyMs = Math.round(performance.now() - run.startedAt);
    run.holdAttempt(
      attemptRecord(this.deps, run, {
        status: 'error',
        errorClass: err.errorClass,
        usage: NO_USAGE,
        cost: null,
        priceVersion: null,
        latencyMs,
      }),
    );
    if (BREAKER_CLASSES.has(err.errorClass)) this.deps.breakers.record(row.id, false);
    else this.deps.breakers.releaseProbe(row.id);
    this.deps.metrics.circuitState(row.name, this.deps.breakers.state(row.id));
    return err;
  }

  /** An answer still has to pass the caller's output check: one repair turn, then failover. */
  private afterAnswer(run: RoutedRequest, answer: RouteAnswer): AfterAttempt {
    const check = run.input.checkOutput?.(answer.text);
    if (!check || check.ok) {
      run.answered();
      return answer;
    }
    run.rejectedOutput(check.problem);
    if (run.repaired) return 'next';
    run.addRepairTurn(check.repair);
    return 'retry';
  }

  /** Failover rules per error class; a refused or cancelled request ends routing at once. */
  private async afterError(run: RoutedRequest, err: ProviderError, local: number): Promise<AfterAttempt> {
    run.failed(err.errorClass, err.message);
    switch (err.errorClass) {
      case 'bad_request':
      case 'aborted':
        throw err.toAppError();
      case 'auth':
        this.deps.markKeyInvalid(run.row.id);
        return 'next';
      case 'invalid_output':
        // The provider itself rejected its answer (not JSON): the one repair turn, then failover.
        if (run.repaired || !run.request.jsonSchema) return 'next';
        run.addRepairTurn(JSON_REPAIR_TURN);
        return 'retry';
      case 'rate_limited':
      case 'unavailable':
        return this.backOff(run, err, local);
      default:
        return 'next'; // context_length, offline
    }
  }

  /** Waits before retrying the same candidate (backoff or Retry-After), unless another candidate would be faster. */
  private async backOff(run: RoutedRequest, err: ProviderError, local: number): Promise<AfterAttempt> {
    if (local === MAX_ATTEMPTS_PER_CANDIDATE) return 'next';
    const wait = backoffMs(local, err.retryAfterMs, this.deps.random);
    if (wait === null) return 'next'; // Retry-After beyond the cap: another provider is faster
    if (!this.deps.breakers.tryAcquire(run.row.id)) return 'next';
    run.writeHeldAttempt(false); // the same provider again: written before the wait
    try {
      await this.deps.sleep(wait, run.input.signal);
    } catch {
      throw new ProviderFailure('aborted', 'The request was cancelled.', null);
    }
    return 'retry';
  }

  /**
   * No candidate answered: the request goes to the outbox when it may wait (every provider offline, or a
   * `queue` limit reached; it is due when that budget resets), else the last failure is reported.
   */
  private unanswered(run: RoutedRequest): AppError {
    const { input, trail } = run;
    const allOffline = run.allOffline();
    const waitsForBudget = run.budgetResetsAt !== null && trail.some((t) => t.reason === 'over_budget_queue');
    if (input.queue && (allOffline || waitsForBudget)) {
      const runsAt = allOffline ? null : run.budgetResetsAt;
      const id = this.enqueue(input, input.queue, runsAt ?? undefined);
      return queued(id, input.task, trail, runsAt);
    }
    return allFailed(input.task, trail, run.lastErrorClass, allOffline);
  }
}
