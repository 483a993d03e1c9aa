import type { ProviderHealthState } from '@contract';

/** Outcomes older than this do not count. */
export const HEALTH_WINDOW_MS = 15 * 60_000;
/** At most this many of the newest outcomes count. */
export const HEALTH_LAST_N = 20;
/** Down when this many newest outcomes all failed. */
export const DOWN_AFTER_FAILURES = 3;
/** Degraded when this share of the outcomes failed. */
export const DEGRADED_FAILURE_SHARE = 0.25;
/** Degraded when the p95 latency of the successful outcomes (at least this many) is above half the provider's timeout. */
export const SLOW_MIN_OUTCOMES = 3;

/** One probe or one live call, newest first in the lists below. */
export interface HealthOutcome {
  at: number;
  ok: boolean;
  latencyMs: number;
}

export interface HealthVerdict {
  /** null: no outcome in the window and the circuit is closed, so the state stays what it was. */
  state: Exclude<ProviderHealthState, 'unknown'> | null;
  reason: string;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

/**
 * The documented rule (admin guide, "Provider health"): from the newest 20 outcomes (probes and live calls)
 * of the last 15 minutes, down when the circuit is open or the newest 3 all failed; degraded when a quarter
 * or more of them failed, or the p95 latency of the successful ones is above half the
 * provider's timeout; else healthy.
 */
export function healthOf(
  outcomes: readonly HealthOutcome[],
  circuitOpen: boolean,
  timeoutMs: number,
  now: number,
): HealthVerdict {
  if (circuitOpen) return { state: 'down', reason: 'circuit open' };
  const recent = outcomes
    .filter((o) => o.at > now - HEALTH_WINDOW_MS && o.at <= now)
    .sort((a, b) => b.at - a.at)
    .slice(0, HEALTH_LAST_N);
  if (recent.length === 0) return { state: null, reason: 'no probe or call in the last 15 minutes' };
  const newest = recent.slice(0, DOWN_AFTER_FAILURES);
  if (newest.length === DOWN_AFTER_FAILURES && newest.every((o) => !o.ok))
    return { state: 'down', reason: `the last ${DOWN_AFTER_FAILURES} probes or calls failed` };
  const failed = recent.filter((o) => !o.ok).length;
  if (failed / recent.length >= DEGRADED_FAILURE_SHARE)
    return { state: 'degraded', reason: `${failed} of the last ${recent.length} probes or calls failed` };
  const okLatencies = recent.filter((o) => o.ok).map((o) => o.latencyMs);
  const slowMs = timeoutMs / 2;
  if (okLatencies.length >= SLOW_MIN_OUTCOMES && p95(okLatencies) > slowMs)
    return { state: 'degraded', reason: `p95 latency ${p95(okLatencies)} ms is above ${slowMs} ms (half the timeout)` };
  return {
    state: 'healthy',
    reason: `${recent.length - failed} of the last ${recent.length} probes or calls answered`,
  };
}
