import { describe, expect, it } from 'vitest';
import { candidateLines, routeSummary, sentToLines } from '../../../src-preload/shared/route-text';

const candidate = (providerName: string, score: number | null, samples = 20) => ({
  providerName,
  priorityPosition: providerName === 'a' ? 0 : 1,
  samples,
  successRate: score === null ? null : 0.95,
  p50LatencyMs: score === null ? null : 812.4,
  expectedCostUsd: score === null ? null : 0.0012,
  score,
});
const reason = { strategy: 'fastest', explored: false, held: false, minSamples: 20 };

// The same sentences in the version history and `documents show`.
describe('route text', () => {
  it('says the strategy, and whether the call explored, held the first choice or failed over', () => {
    const candidates = [candidate('a', 1), candidate('b', 0.5)];
    expect(routeSummary({ ...reason, candidates }, 'a')).toBe('Routed by fastest (recent median latency).');
    expect(routeSummary({ ...reason, explored: true, candidates }, 'a')).toBe(
      'Routed by fastest (recent median latency); this call explored the second choice (the exploration share).',
    );
    expect(routeSummary({ ...reason, held: true, candidates }, 'a')).toContain('the previous first choice was kept');
    expect(routeSummary({ ...reason, candidates }, 'b')).toBe(
      'Routed by fastest (recent median latency); a was first in the order but did not answer.',
    );
  });

  it('gives each provider its score and statistics, or why it keeps its priority position', () => {
    expect(candidateLines({ ...reason, candidates: [candidate('a', 1), candidate('b', null, 3)] })).toEqual([
      '1. a: score 1.000 (20 calls, 95% ok, p50 812 ms, ~$0.001200 a call (estimate))',
      '2. b: 3 calls (fewer than 20 or unpriced): keeps its priority position 2',
    ]);
    expect(candidateLines({ ...reason, strategy: 'priority', candidates: [candidate('a', null)] })).toEqual([
      '1. a: position 1 in the configured order',
    ]);
  });

  it('names every provider the data went to, masked or not', () => {
    expect(
      sentToLines([
        { provider: 'us', region: 'us', masked: true },
        { provider: 'llama', region: 'local', masked: false },
      ]),
    ).toEqual([
      'Candidate data sent to us (region us), personal identifiers masked (replaced by placeholders, restored in the text).',
      'Candidate data sent to llama (region local), not masked (the provider received the identifiers as they are).',
    ]);
  });
});
