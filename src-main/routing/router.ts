import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { ProviderError, isProviderError } from '../providers/errors';
import type { ProviderConfigRow } from '../providers/config-service';
import type { LlmProvider, LlmRequest, LlmResult } from '../providers/types';
import { normaliseUsage, type NormalisedUsage } from '../usage/normalise';
import type { Metrics } from '../usage/metrics';
import { costMicros, type PricingService } from '../usage/pricing';
import type { UsageLog } from '../usage/usage-log';
import { hasLimits, type BudgetDenial, type Budgets, type Reservation } from './budgets';
import type { CircuitBreakers } from './circuit-breaker';
import { estimateRequestTokens, requestText } from './estimate';
import type { Outbox } from './outbox';
import { backoffMs } from './retry-policy';
import { allFailed, budgetExceeded, noProvider, queued } from './routing-errors';
import type { AttemptRecord, RouteAnswer, RouteRequest } from './types';

export const MAX_ATTEMPTS_PER_CANDIDATE = 3;

const JSON_REPAIR_TURN = {
  role: 'user' as const,
  content: [
    {
      type: 'text' as const,
      text: 'Your previous answer was not valid JSON. Reply again with only the JSON object that matches the schema: no prose, no code fences.',
    },
  ],
};

/** Error classes that count against a provider's health. */
const BREAKER_CLASSES = new Set(['unavailable', 'rate_limited', 'offline']);

export interface RouterDeps {
  candidates: (task: string, providerName?: string) => ProviderConfigRow[];
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
}

interface Attempted {
  ok: boolean;
  error?: ProviderError;
  answer?: RouteAnswer;
}

/** Task routing: candidates in order, bounded retries with backoff, failover, budgets, usage, metrics. */
export class Router {
  constructor(private readonly deps: RouterDeps) {}

  async route(req: RouteRequest): Promise<RouteAnswer> {
    const requestId = req.requestId ?? randomUUID();
    const candidates = this.deps.candidates(req.task, req.providerName);
    if (candidates.length === 0) throw noProvider(req.task);
    const trail: AttemptRecord[] = [];
    const state = { attempt: 0, lastClass: null as string | null, reached: false, streamed: false };

    for (const [index, row] of candidates.entries()) {
      const base = { providerName: row.name, configId: row.id, providerKind: row.kind, model: row.model };
      const skip = this.skipReason(row);
      if (skip) {
        trail.push({ ...base, outcome: 'skipped', reason: skip });
        continue;
      }
      const outcome = await this.tryCandidate(req, row, requestId, index > 0, trail, state);
      if (typeof outcome === 'object') return outcome;
      if (outcome === 'over_budget_queue') break;
    }
    const allOffline = !state.reached && trail.some((t) => t.reason === 'offline');
    if (req.queue && (allOffline || trail.some((t) => t.reason === 'over_budget_queue'))) {
      const id = this.deps.outbox.enqueue({
        idempotencyKey: req.queue.idempotencyKey,
        task: req.task,
        request: req.request,
        userId: req.userId,
        providerName: req.providerName ?? null,
        completion: req.queue.completion,
      });
      throw queued(id, trail, allOffline ? 'No provider could be reached.' : 'The provider reached its limit.');
    }
    throw allFailed(req.task, trail, state.lastClass, allOffline);
  }

  private skipReason(row: ProviderConfigRow): AttemptRecord['reason'] | null {
    if (row.kind !== 'openai-compatible' && row.keyRef === null) return 'no_key';
    if (row.keyInvalid) return 'key_invalid';
    if (!this.deps.breakers.tryAcquire(row.id)) return 'circuit_open';
    return null;
  }

  /** Up to MAX_ATTEMPTS_PER_CANDIDATE attempts on one config. */
  private async tryCandidate(
    req: RouteRequest,
    row: ProviderConfigRow,
    requestId: string,
    isFallback: boolean,
    trail: AttemptRecord[],
    state: { attempt: number; lastClass: string | null; reached: boolean; streamed: boolean },
  ): Promise<RouteAnswer | 'next' | 'over_budget_queue'> {
    const base = { providerName: row.name, configId: row.id, providerKind: row.kind, model: row.model };
    const provider = this.deps.providerFor(row);
    const maxOutputTokens = Math.min(req.request.maxOutputTokens ?? row.maxOutputTokens, row.maxOutputTokens);
    let request: LlmRequest = { ...req.request, maxOutputTokens, timeoutMs: req.request.timeoutMs ?? row.timeoutMs };
    let repaired = false;

    for (let local = 1; local <= MAX_ATTEMPTS_PER_CANDIDATE; local++) {
      const reservation = this.reserve(row, requestId, request);
      if (reservation && 'limit' in reservation) {
        this.deps.breakers.releaseProbe(row.id);
        if (row.onLimit === 'error') throw budgetExceeded(row.name, reservation, trail);
        trail.push({
          ...base,
          outcome: 'skipped',
          reason: row.onLimit === 'queue' ? 'over_budget_queue' : 'over_budget',
        });
        return row.onLimit === 'queue' && req.queue ? 'over_budget_queue' : 'next';
      }
      state.attempt++;
      if (state.streamed) {
        req.onStream?.({ type: 'reset', providerName: row.name });
        state.streamed = false;
      }
      const result = await this.attemptOnce(req, row, provider, request, requestId, state, isFallback, reservation);
      if (result.ok && result.answer) {
        const check = req.checkOutput?.(result.answer.text) ?? { ok: true as const };
        if (check.ok) {
          trail.push({
            ...base,
            outcome: 'ok',
            attempt: state.attempt,
            latencyMs: result.answer.attempts[0]?.latencyMs,
          });
          if (isFallback) this.deps.metrics.fallback(req.task);
          return { ...result.answer, attempts: trail };
        }
        trail.push({
          ...base,
          outcome: 'error',
          attempt: state.attempt,
          reason: 'invalid_output',
          message: check.problem,
        });
        state.lastClass = 'invalid_output';
        if (repaired) return 'next';
        repaired = true;
        request = { ...request, messages: [...request.messages, ...check.repair] };
        continue;
      }
      const err = result.error!;
      state.lastClass = err.errorClass;
      if (err.errorClass !== 'offline') state.reached = true;
      trail.push({ ...base, outcome: 'error', attempt: state.attempt, reason: err.errorClass, message: err.message });
      switch (err.errorClass) {
        case 'bad_request':
        case 'aborted':
          throw err;
        case 'auth':
          this.deps.markKeyInvalid(row.id);
          return 'next';
        case 'invalid_output':
          // The provider itself rejected its answer (not JSON): the one repair turn, then failover.
          if (repaired || !request.jsonSchema) return 'next';
          repaired = true;
          request = { ...request, messages: [...request.messages, JSON_REPAIR_TURN] };
          continue;
        case 'rate_limited':
        case 'unavailable': {
          if (local === MAX_ATTEMPTS_PER_CANDIDATE) return 'next';
          const wait = backoffMs(local, err.retryAfterMs, this.deps.random);
          if (wait === null) return 'next'; // Retry-After beyond the cap: another provider is faster
          if (!this.deps.breakers.tryAcquire(row.id)) return 'next';
          try {
            await this.deps.sleep(wait, req.signal);
          } catch {
            throw new ProviderError({
              errorClass: 'aborted',
              providerKind: row.kind,
              message: 'The request was cancelled.',
            });
          }
          continue;
        }
        default:
          return 'next'; // context_length, invalid_output, offline
      }
    }
    return 'next';
  }

  private reserve(row: ProviderConfigRow, requestId: string, request: LlmRequest): Reservation | BudgetDenial | null {
    const limits = {
      dailyTokenLimit: row.dailyTokenLimit,
      monthlyTokenLimit: row.monthlyTokenLimit,
      monthlyCostLimitMicros: row.monthlyCostLimitMicros,
    };
    if (!hasLimits(limits)) return null;
    const inputEstimate = estimateRequestTokens(request);
    const tokens = inputEstimate + request.maxOutputTokens;
    const price = this.deps.pricing.priceFor(row.model);
    const cost = price
      ? costMicros(price, { inputTokens: inputEstimate, outputTokens: request.maxOutputTokens, cachedInputTokens: 0 })
      : 0;
    return this.deps.budgets.reserve(row.id, limits, requestId, tokens, cost);
  }

  private async attemptOnce(
    req: RouteRequest,
    row: ProviderConfigRow,
    provider: LlmProvider,
    request: LlmRequest,
    requestId: string,
    state: { attempt: number; streamed: boolean },
    isFallback: boolean,
    reservation: Reservation | null,
  ): Promise<Attempted> {
    const started = performance.now();
    let ttft: number | null = null;
    try {
      let result: LlmResult;
      if (req.onStream) {
        let done: LlmResult | null = null;
        for await (const event of provider.stream(request, req.signal)) {
          if (event.type === 'text') {
            ttft ??= performance.now() - started;
            state.streamed = true;
            req.onStream({ type: 'text', text: event.text });
          } else done = event.result;
        }
        if (!done)
          throw new ProviderError({
            errorClass: 'unavailable',
            providerKind: row.kind,
            message: `${row.name} ended the stream without finishing.`,
          });
        result = done;
      } else {
        result = await provider.generate(request, req.signal);
      }
      const latencyMs = Math.round(performance.now() - started);
      const usage = normaliseUsage(row.kind, result.usage, {
        inputText: () => requestText(request),
        outputText: result.text,
      });
      const price = this.deps.pricing.priceFor(result.model || row.model);
      const cost = price ? costMicros(price, usage) : null;
      this.log(
        req,
        row,
        requestId,
        state.attempt,
        isFallback,
        { status: 'ok', errorClass: null, usage, cost, priceVersion: price?.version ?? null, latencyMs, ttft },
        reservation,
      );
      this.deps.breakers.record(row.id, true);
      this.deps.metrics.circuitState(row.name, this.deps.breakers.state(row.id));
      return {
        ok: true,
        answer: {
          requestId,
          text: result.text,
          result,
          providerName: row.name,
          providerKind: row.kind,
          configId: row.id,
          model: result.model || row.model,
          usage,
          costUsd: cost === null ? null : cost / 1e6,
          attempts: [
            {
              providerName: row.name,
              configId: row.id,
              providerKind: row.kind,
              model: row.model,
              outcome: 'ok',
              latencyMs,
            },
          ],
          fallback: isFallback,
        },
      };
    } catch (caught) {
      const err = isProviderError(caught)
        ? caught
        : new ProviderError({
            errorClass: 'unavailable',
            providerKind: row.kind,
            message: `${row.name} failed unexpectedly.`,
          });
      const latencyMs = Math.round(performance.now() - started);
      const none: NormalisedUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, estimated: false };
      this.log(
        req,
        row,
        requestId,
        state.attempt,
        isFallback,
        { status: 'error', errorClass: err.errorClass, usage: none, cost: null, priceVersion: null, latencyMs, ttft },
        reservation,
      );
      if (BREAKER_CLASSES.has(err.errorClass)) this.deps.breakers.record(row.id, false);
      else this.deps.breakers.releaseProbe(row.id);
      this.deps.metrics.circuitState(row.name, this.deps.breakers.state(row.id));
      return { ok: false, error: err };
    }
  }

  private log(
    req: RouteRequest,
    row: ProviderConfigRow,
    requestId: string,
    attempt: number,
    fallback: boolean,
    o: {
      status: 'ok' | 'error';
      errorClass: string | null;
      usage: NormalisedUsage;
      cost: number | null;
      priceVersion: number | null;
      latencyMs: number;
      ttft: number | null;
    },
    reservation: Reservation | null,
  ): void {
    this.deps.usage.enqueue(
      {
        requestId,
        attempt,
        configId: row.id,
        providerName: row.name,
        providerKind: row.kind,
        model: row.model,
        task: req.task,
        userId: req.userId,
        status: o.status,
        errorClass: o.errorClass,
        inputTokens: o.usage.inputTokens,
        outputTokens: o.usage.outputTokens,
        cachedInputTokens: o.usage.cachedInputTokens,
        estimated: o.usage.estimated,
        costMicros: o.status === 'ok' ? o.cost : 0,
        priceVersion: o.priceVersion,
        latencyMs: o.latencyMs,
        ttftMs: o.ttft === null ? null : Math.round(o.ttft),
        fallback,
        createdAt: this.deps.clock.now(),
      },
      // The reservation becomes the real usage (or is given back), written with the usage event.
      reservation
        ? this.deps.budgets.finish(
            reservation,
            o.status === 'ok' ? { tokens: o.usage.inputTokens + o.usage.outputTokens, costMicros: o.cost ?? 0 } : null,
          )
        : undefined,
    );
    this.deps.metrics.attempt({
      providerKind: row.kind,
      task: req.task,
      ok: o.status === 'ok',
      errorClass: o.errorClass,
      inputTokens: o.usage.inputTokens,
      outputTokens: o.usage.outputTokens,
      cachedInputTokens: o.usage.cachedInputTokens,
      costMicros: o.cost,
      latencyMs: o.latencyMs,
    });
  }
}
