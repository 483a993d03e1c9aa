import type { RouteCandidate, RouteReason, RoutingStrategy, Task } from '@contract';
import type { ProviderConfigRow } from '../../providers/config-service';
import { ROUTING_POLICY } from './policy';
import type { ProviderStats } from './provider-stats';
import { scoresFor } from './scores';

export interface RouteOrderDeps {
  strategyFor: (task: Task) => RoutingStrategy;
  statsFor: (task: Task, row: ProviderConfigRow) => ProviderStats;
  /** Decides the exploration share; tests pass a seeded one. */
  random: () => number;
}

export interface OrderedCandidates {
  rows: ProviderConfigRow[];
  reason: RouteReason;
}

interface Scored {
  row: ProviderConfigRow;
  candidate: RouteCandidate;
}

/**
 * Orders a task's candidates by its strategy. Providers with a score are sorted (best first) into the
 * positions that scored providers hold in the configured order; the others keep their position. The first
 * choice per task is remembered (in memory): a challenger replaces it only when its score is higher by the
 * hysteresis margin. A small share of calls go to the best non-first provider (`explored`).
 */
export class RouteOrder {
  private readonly firstChoice = new Map<Task, string>();

  constructor(private readonly deps: RouteOrderDeps) {}

  /** The order for a call: may explore, and remembers the first choice. */
  forCall(task: Task, rows: ProviderConfigRow[]): OrderedCandidates {
    const ordered = this.compute(task, rows);
    if (ordered.reason.strategy === 'priority' || rows.length < 2) return ordered;
    const first = ordered.reason.candidates[0];
    if (first && first.score !== null) this.firstChoice.set(task, first.configId);
    if (this.deps.random() >= ROUTING_POLICY.explorationShare) return ordered;
    return {
      rows: swapFirstTwo(ordered.rows),
      reason: { ...ordered.reason, explored: true, candidates: swapFirstTwo(ordered.reason.candidates) },
    };
  }

  /** The order the next call would use, without exploring and without changing the remembered choice. */
  preview(task: Task, rows: ProviderConfigRow[]): OrderedCandidates {
    return this.compute(task, rows);
  }

  private compute(task: Task, rows: ProviderConfigRow[]): OrderedCandidates {
    const strategy = this.deps.strategyFor(task);
    const base = { strategy, explored: false, held: false, minSamples: ROUTING_POLICY.minSamples };
    if (strategy === 'priority') return configuredOrder(rows);
    const stats = rows.map((row) => this.deps.statsFor(task, row));
    const scores = scoresFor(strategy, stats);
    const scored: Scored[] = rows.map((row, i) => ({
      row,
      candidate: candidateOf(row, i, stats[i] ?? null, scores[i] ?? null),
    }));
    const order = sortScored(scored);
    const held = this.holdFirstChoice(task, order);
    return { rows: order.map((s) => s.row), reason: { ...base, held, candidates: order.map((s) => s.candidate) } };
  }

  /** Hysteresis: keeps the remembered first choice on top unless the new leader beats it by the margin. */
  private holdFirstChoice(task: Task, order: Scored[]): boolean {
    const leader = order[0];
    const previousId = this.firstChoice.get(task);
    if (!leader || leader.candidate.score === null || previousId === undefined || leader.row.id === previousId)
      return false;
    const index = order.findIndex((s) => s.row.id === previousId);
    const previous = order[index];
    if (!previous || previous.candidate.score === null) return false;
    if (leader.candidate.score - previous.candidate.score > ROUTING_POLICY.hysteresisMargin) return false;
    order[0] = previous;
    order[index] = leader;
    return true;
  }
}

/** The last `priority` reasons, by the candidates' ids and names in order (frozen: shared by every call with them). */
const configuredReasons = new Map<string, RouteReason>();
const MAX_CONFIGURED_REASONS = 64;

/** The configured order (default first, then priority): the `priority` strategy. */
export function configuredOrder(rows: ProviderConfigRow[]): OrderedCandidates {
  const key = rows.map((r) => `${r.id}\u0000${r.name}`).join('\u0001');
  let reason = configuredReasons.get(key);
  if (!reason) {
    reason = priorityReason(rows);
    if (configuredReasons.size >= MAX_CONFIGURED_REASONS) configuredReasons.clear();
    configuredReasons.set(key, reason);
  }
  return { rows, reason };
}

function priorityReason(rows: ProviderConfigRow[]): RouteReason {
  const candidates = rows.map((row, i) => candidateOf(row, i, null, null));
  const reason: RouteReason = {
    strategy: 'priority',
    explored: false,
    held: false,
    minSamples: ROUTING_POLICY.minSamples,
    candidates,
  };
  return deepFreeze(reason);
}

function deepFreeze(reason: RouteReason): RouteReason {
  for (const candidate of reason.candidates) Object.freeze(candidate);
  Object.freeze(reason.candidates);
  return Object.freeze(reason);
}

function candidateOf(
  row: ProviderConfigRow,
  priorityPosition: number,
  stats: ProviderStats | null,
  score: number | null,
): RouteCandidate {
  return {
    providerName: row.name,
    configId: row.id,
    priorityPosition,
    samples: stats?.samples ?? 0,
    successRate: stats?.successRate ?? null,
    p50LatencyMs: stats?.p50LatencyMs ?? null,
    expectedCostUsd: stats?.expectedCostMicros == null ? null : stats.expectedCostMicros / 1e6,
    score: score === null ? null : Math.round(score * 1000) / 1000,
  };
}

/** Scored providers sorted best first into the scored positions; ties keep the configured order. */
function sortScored(scored: Scored[]): Scored[] {
  const ranked = scored
    .filter((s) => s.candidate.score !== null)
    .sort(
      (a, b) => b.candidate.score! - a.candidate.score! || a.candidate.priorityPosition - b.candidate.priorityPosition,
    );
  let next = 0;
  return scored.map((s) => (s.candidate.score === null ? s : ranked[next++]!));
}

function swapFirstTwo<T>(items: T[]): T[] {
  const [a, b, ...rest] = items;
  return a === undefined || b === undefined ? items : [b, a, ...rest];
}
