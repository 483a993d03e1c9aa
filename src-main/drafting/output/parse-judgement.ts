import type { ValidationFinding } from '@contract';
import { providerJudgementSchema } from './judgement-schema';
import { parseJsonOutput, type ParseOutcome } from './parse-json-output';

/** Parses a provider's validation answer into findings of kind 'judgement'. */
export function parseJudgement(text: string): ParseOutcome<ValidationFinding[]> {
  const outcome = parseJsonOutput(text, providerJudgementSchema);
  if (!outcome.ok) return outcome;
  const findings = outcome.value.findings.map((f): ValidationFinding => {
    const finding: ValidationFinding = { severity: f.severity, kind: 'judgement', message: f.message };
    if (f.evidence) finding.evidence = f.evidence;
    return finding;
  });
  return { ok: true, value: findings };
}
