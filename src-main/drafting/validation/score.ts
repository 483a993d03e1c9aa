import type { ValidationFinding } from '@contract';

const PENALTY: Record<ValidationFinding['severity'], number> = { error: 15, warning: 5, info: 0 };
/** A provider's judgement counts, but less than a mechanical check it cannot verify. */
const JUDGEMENT_FACTOR = 0.6;

/**
 * 0–100: start from 100, subtract per finding (error 15, warning 5), then scale by must-have
 * coverage (no coverage halves the score). Missing must-haves are counted through coverage only.
 */
export function computeScore(findings: readonly ValidationFinding[], coverageRatio: number): number {
  const penalty = findings
    .filter((f) => f.kind !== 'missing_must_have')
    .reduce((sum, f) => sum + PENALTY[f.severity] * (f.kind === 'judgement' ? JUDGEMENT_FACTOR : 1), 0);
  const base = Math.max(0, 100 - penalty);
  const ratio = Math.min(1, Math.max(0, coverageRatio));
  return Math.round(base * (0.5 + 0.5 * ratio));
}
