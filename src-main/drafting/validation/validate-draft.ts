import type { CandidateProfile, DraftKind, JobFields, ValidationFinding, ValidationReport } from '@contract';
import { checkAtsFormatting } from './check-ats-formatting';
import { checkUnsupportedClaims } from './check-claims';
import { checkContact } from './check-contact';
import { checkLength } from './check-length';
import { checkMustHaves, mustHaveCoverage } from './check-must-haves';
import { checkSections } from './check-sections';
import { toDraftDocument } from './draft-document';
import { computeScore } from './score';
import { buildSupportIndex } from './support-index';

export interface ValidateDraftInput {
  kind: DraftKind;
  markdown: string;
  profile: CandidateProfile;
  /** The candidate's own text: the ground truth for claims. */
  sourceText: string;
  /** The extracted posting; null when drafting without one (no coverage check). */
  job: JobFields | null;
  /** Years the draft may mention besides the source's, e.g. the current year on a dated letter. */
  allowedYears?: readonly number[];
}

const SEVERITY_ORDER: Record<ValidationFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** The deterministic local checks; they always run, with or without a provider. */
export function validateDraft(input: ValidateDraftInput): ValidationReport {
  const draft = toDraftDocument(input.kind, input.markdown);
  const support = buildSupportIndex(input.profile, input.sourceText, input.job, input.allowedYears);
  const coverage = mustHaveCoverage(input.markdown, input.job);
  const findings = [
    ...checkUnsupportedClaims(draft, support),
    ...checkContact(input.kind, input.markdown, input.profile, input.sourceText),
    ...checkSections(draft, input.profile),
    ...checkMustHaves(coverage, `${input.sourceText}\n${input.profile.skills.join(', ')}`),
    ...checkLength(input.kind, input.markdown),
    ...checkAtsFormatting(draft),
  ]
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
  return { score: computeScore(findings, coverage.ratio), mustHaveCoverage: coverage, findings, offline: true };
}
