/** The shapes of the contract's `RouteReason` and `SentTo` these sentences need (shared/ imports no contract). */
interface Candidate {
  providerName: string;
  priorityPosition: number;
  samples: number;
  successRate: number | null;
  p50LatencyMs: number | null;
  expectedCostUsd: number | null;
  score: number | null;
}
interface Reason {
  strategy: string;
  explored: boolean;
  held: boolean;
  minSamples: number;
  candidates: Candidate[];
}
interface SentTo {
  provider: string;
  region: string;
  masked: boolean;
}

/** Each routing strategy and what it orders by (the Routing card's choices, and the sentences below). */
export const STRATEGY_TEXT: Readonly<Record<string, string>> = {
  priority: 'priority (default first, then priority)',
  cheapest: 'cheapest (expected cost)',
  fastest: 'fastest (recent median latency)',
  most_reliable: 'most reliable (recent success rate)',
  balanced: 'balanced (cost, latency, reliability)',
};

/** Why the provider that answered was chosen, in one sentence: the strategy, and exploration or hysteresis. */
export function routeSummary(reason: Reason, answeredBy: string): string {
  const strategy = STRATEGY_TEXT[reason.strategy] ?? reason.strategy;
  const first = reason.candidates[0]?.providerName;
  const how = reason.explored
    ? '; this call explored the second choice (the exploration share)'
    : reason.held
      ? '; the previous first choice was kept (the challenger did not beat it by the hysteresis margin)'
      : '';
  const failover =
    first !== undefined && first !== answeredBy ? `; ${first} was first in the order but did not answer` : '';
  return `Routed by ${strategy}${how}${failover}.`;
}

/** One line per provider in the order they were to be tried: its position, score and the statistics behind it. */
export function candidateLines(reason: Reason): string[] {
  return reason.candidates.map((c, i) => {
    const head = `${i + 1}. ${c.providerName}`;
    if (reason.strategy === 'priority') return `${head}: position ${c.priorityPosition + 1} in the configured order`;
    if (c.score === null)
      return `${head}: ${c.samples} calls (fewer than ${reason.minSamples} or unpriced): keeps its priority position ${c.priorityPosition + 1}`;
    const stats = [
      `${c.samples} calls`,
      c.successRate === null ? null : `${Math.round(c.successRate * 100)}% ok`,
      c.p50LatencyMs === null ? null : `p50 ${Math.round(c.p50LatencyMs)} ms`,
      c.expectedCostUsd === null ? null : `~$${c.expectedCostUsd.toFixed(6)} a call (estimate)`,
    ].filter((s) => s !== null);
    return `${head}: score ${c.score.toFixed(3)} (${stats.join(', ')})`;
  });
}

/** Where the candidate's data went for one answer: a line per provider tried (a failed one too), masked or not. */
export function sentToLines(sentTo: SentTo[]): string[] {
  return sentTo.map((s) => {
    const masking = s.masked
      ? 'personal identifiers masked (replaced by placeholders, restored in the text)'
      : 'not masked (the provider received the identifiers as they are)';
    return `Candidate data sent to ${s.provider} (region ${s.region}), ${masking}.`;
  });
}
