import { randomUUID } from 'node:crypto';
import type { ProviderErrorClass, RouteReason } from '@contract';
import type { ProviderConfigRow } from '../providers/config-service';
import type { LlmMessage, LlmProvider, LlmRequest } from '../providers/types';
import type { Reservation } from './budgets';
import type { UserQuota } from './user-quotas';
import { PiiMasker } from './compliance/pii-masker';
import type { AttemptRecord, RouteRequest } from './types';

/**
 * One request on its way through the router: the caller's input and everything learnt while routing it.
 * Every router step takes it as its one argument. The candidate fields describe the config being tried
 * (set by `startCandidate`); the attempt fields describe the call in flight.
 */
export class RoutedRequest {
  readonly requestId: string;
  /** Every skip and attempt so far, in order: the answer's `attempts`, or the details of the final error. */
  readonly trail: AttemptRecord[] = [];
  /** Attempts started so far across all candidates: the number of the one in flight. */
  attempt = 0;
  /** Error class of the latest failed attempt. */
  lastErrorClass: string | null = null;
  /** Some provider was reached (even if it answered with an error): not everything is offline. */
  reachedProvider = false;
  /** Text went to the caller's stream since the last reset. */
  streamed = false;
  /** A config with limit behaviour `queue` was over its limit: when the earliest such budget resets. */
  budgetResetsAt: number | null = null;

  row!: ProviderConfigRow;
  provider!: LlmProvider;
  /** What the candidate is sent: the caller's request within the config's limits, plus any repair turn. */
  request!: LlmRequest;
  /** The candidate is not the first one routed to the task. */
  fallback = false;
  /** The candidate's one repair turn was used. */
  repaired = false;

  /** Budget held for the attempt in flight (null when the config has no limits). */
  reservation: Reservation | null = null;
  /** The acting user's quotas (null: none). */
  quota: UserQuota | null = null;
  /** The user's quota held for the attempt in flight (null when the user has no quota). */
  userReservation: Reservation | null = null;
  /** `performance.now()` when the attempt in flight started. */
  startedAt = 0;
  /** Time to the first streamed text of the attempt in flight. */
  ttftMs: number | null = null;
  /** Latency of the attempt that answered. */
  latencyMs = 0;
  /** Replaces the candidate's identifiers (one per request, so placeholders stay stable across candidates). */
  readonly piiMasker: PiiMasker | null;
  /** The current candidate masks: its request was masked and its answer is restored. */
  masked = false;
  /** Where the candidate's data went, by config id (attempts started). */
  readonly sentTo = new Map<string, { provider: string; region: string; masked: boolean }>();
  /** The last attempt's record, held until the router knows whether another provider is tried after it. */
  private heldAttempt: ((followedByFallback: boolean) => void) | null = null;

  constructor(
    readonly input: RouteRequest,
    /** Why the candidates are in this order: stored on every attempt's usage event and returned with the answer. */
    readonly routeReason: RouteReason,
  ) {
    this.requestId = input.requestId ?? randomUUID();
    this.piiMasker = input.candidateData ? new PiiMasker(input.candidateData.identifiers) : null;
  }

  /** What the provider receives of these messages: masked when the current candidate masks. */
  private outgoing(messages: readonly LlmMessage[]): LlmMessage[] {
    const masker = this.masked ? this.piiMasker : null;
    if (!masker) return [...messages];
    return messages.map((m) => ({
      ...m,
      content: m.content.map((part) => (part.type === 'text' ? { ...part, text: masker.mask(part.text) } : part)),
    }));
  }

  /** The provider's text with the candidate's identifiers back in place (JSON-escaped in a JSON answer). */
  restore(text: string): string {
    return this.masked && this.piiMasker ? this.piiMasker.unmask(text, this.request.jsonSchema !== undefined) : text;
  }

  skip(row: ProviderConfigRow, reason: string): void {
    this.trail.push({
      providerName: row.name,
      configId: row.id,
      providerKind: row.kind,
      model: row.model,
      outcome: 'skipped',
      reason,
    });
  }

  startCandidate(row: ProviderConfigRow, provider: LlmProvider, fallback: boolean): void {
    const asked = this.input.request;
    this.row = row;
    this.provider = provider;
    this.fallback = fallback;
    this.repaired = false;
    this.masked = this.piiMasker !== null && row.piiMasking;
    const system = asked.system !== undefined && this.masked ? this.piiMasker!.mask(asked.system) : asked.system;
    this.request = {
      ...asked,
      ...(system !== undefined ? { system } : {}),
      messages: this.masked ? this.outgoing(asked.messages) : asked.messages,
      maxOutputTokens: Math.min(asked.maxOutputTokens ?? row.maxOutputTokens, row.maxOutputTokens),
      timeoutMs: asked.timeoutMs ?? row.timeoutMs,
    };
  }

  /** Holds the attempt's record until `writeHeldAttempt` says what followed it. */
  holdAttempt(write: (followedByFallback: boolean) => void): void {
    this.writeHeldAttempt(false);
    this.heldAttempt = write;
  }

  /** Writes the held attempt's record (if any): `followedByFallback` when another provider is tried next. */
  writeHeldAttempt(followedByFallback: boolean): void {
    const write = this.heldAttempt;
    this.heldAttempt = null;
    write?.(followedByFallback);
  }

  /**
   * Counts the attempt about to start; a stream the caller already received part of is reset first. An attempt
   * still held here was the previous candidate's last: the router fell back from it to this one.
   */
  startAttempt(reservation: Reservation | null, userReservation: Reservation | null = null): void {
    this.writeHeldAttempt(true);
    this.attempt++;
    this.reservation = reservation;
    this.userReservation = userReservation;
    if (this.piiMasker)
      this.sentTo.set(this.row.id, { provider: this.row.name, region: this.row.region, masked: this.masked });
    if (this.streamed) {
      this.input.onStream?.({ type: 'reset', providerName: this.row.name });
      this.streamed = false;
    }
  }

  /** The one repair turn on this candidate: the same request again, with the turns that explain what was wrong. */
  addRepairTurn(turns: readonly LlmMessage[]): void {
    this.repaired = true;
    this.request = { ...this.request, messages: [...this.request.messages, ...this.outgoing(turns)] };
  }

  answered(): void {
    this.trail.push({
      providerName: this.row.name,
      configId: this.row.id,
      providerKind: this.row.kind,
      model: this.row.model,
      outcome: 'ok',
      attempt: this.attempt,
      latencyMs: this.latencyMs,
    });
  }

  failed(errorClass: ProviderErrorClass, message: string): void {
    if (errorClass !== 'offline') this.reachedProvider = true;
    this.attemptFailed(errorClass, message);
  }

  /** The answer came back but did not pass the caller's output check. */
  rejectedOutput(problem: string): void {
    this.attemptFailed('invalid_output', problem);
  }

  private attemptFailed(errorClass: ProviderErrorClass, message: string): void {
    this.lastErrorClass = errorClass;
    this.trail.push({
      providerName: this.row.name,
      configId: this.row.id,
      providerKind: this.row.kind,
      model: this.row.model,
      outcome: 'error',
      attempt: this.attempt,
      reason: errorClass,
      message,
    });
  }

  /** Every failure was `offline` and no provider was reached. */
  allOffline(): boolean {
    return !this.reachedProvider && this.trail.some((t) => t.reason === 'offline');
  }
}
