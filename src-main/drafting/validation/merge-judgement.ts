import type { ValidationFinding, ValidationReport } from '@contract';
import { computeScore } from './score';

/**
 * Adds a provider's judgement to the local report. Provider findings are always kind 'judgement'
 * (they can never pose as a mechanical check), duplicates are dropped, and the score is recomputed.
 */
export function mergeJudgement(
  report: ValidationReport,
  providerFindings: readonly ValidationFinding[],
): ValidationReport {
  const seen = new Set(report.findings.map((f) => f.message.trim().toLowerCase()));
  const added: ValidationFinding[] = [];
  for (const finding of providerFindings) {
    const key = finding.message.trim().toLowerCase();
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    added.push({ ...finding, kind: 'judgement' });
  }
  const findings = [...report.findings, ...added];
  return { ...report, findings, score: computeScore(findings, report.mustHaveCoverage.ratio), offline: false };
}
