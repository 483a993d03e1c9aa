import type { RoutingStrategy } from '@contract';
import { ROUTING_POLICY } from './policy';
import type { ProviderStats } from './provider-stats';

/** "Lower is better" as 0..1, higher is better: the best value scores 1, twice the best scores 0.5. */
function relative(value: number, best: number): number {
  if (value <= 0) return 1;
  return best / value;
}

const minOf = (values: (number | null)[]): number =>
  Math.min(...values.filter((v): v is number => v !== null), Infinity);

/**
 * Each provider's score (0..1, higher is better) under the strategy, or null when it keeps its priority
 * position: fewer than the minimum samples, or (for `cheapest`) no price or no successful call to take
 * token counts from. `balanced` = 0.4 × cost + 0.3 × latency + 0.3 × reliability, renormalised without cost for an
 * unpriced model.
 */
export function scoresFor(strategy: Exclude<RoutingStrategy, 'priority'>, stats: ProviderStats[]): (number | null)[] {
  const enough = stats.map((s) => (s.samples >= ROUTING_POLICY.minSamples ? s : null));
  const bestCost = minOf(enough.map((s) => s?.expectedCostMicros ?? null));
  const bestLatency = minOf(enough.map((s) => s?.p50LatencyMs ?? null));
  return enough.map((s) => {
    if (!s) return null;
    const cost = s.expectedCostMicros === null ? null : relative(s.expectedCostMicros, bestCost);
    const latency = s.p50LatencyMs === null ? null : relative(s.p50LatencyMs, bestLatency);
    const reliability = s.successRate ?? 0;
    switch (strategy) {
      case 'cheapest':
        return cost;
      case 'fastest':
        return latency ?? 0; // no successful call in the window
      case 'most_reliable':
        return reliability;
      case 'balanced': {
        const w = ROUTING_POLICY.balancedWeights;
        // A provider with no success in the window has no latency: it scores on reliability (0) alone.
        const parts: [number, number][] = [
          [w.reliability, reliability],
          ...(latency === null ? [] : [[w.latency, latency] as [number, number]]),
          ...(cost === null ? [] : [[w.cost, cost] as [number, number]]),
        ];
        const weight = parts.reduce((sum, [wt]) => sum + wt, 0);
        return latency === null ? 0 : parts.reduce((sum, [wt, v]) => sum + wt * v, 0) / weight;
      }
    }
  });
}
