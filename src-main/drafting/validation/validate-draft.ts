import type {
  CandidateProfile,
  DraftKind,
  JobFields,
  MustHaveCoverage,
  ValidationFinding,
  ValidationReport,
} from '@contract';
import { matchKey } from '../text/fold';
import { checkAtsFormatting } from './check-ats-formatting';
import { checkUnsupportedClaims, CLAIMS_NOT_CHECKED } from './check-claims';
import { employerLookup } from './claims/employer-lookup';
import { checkContact } from './check-contact';
import { checkLength } from './check-length';
import { skillText, type SkillText } from '../skills/find-skills';
import { checkMustHaves, mustHaveCoverage } from './check-must-haves';
import { checkSections } from './check-sections';
import { toDraftDocument } from './draft-document';
import { computeScore } from './score';
import { buildSupportIndex } from './support-index';

export interface ValidateDraftInput {
  kind: DraftKind;
  markdown: string;
  /** The candidate's record; null when no candidate was given (then claims are not checked). */
  profile: CandidateProfile | null;
  /** The candidate's own text: with the profile, the ground truth for claims. */
  sourceText: string | null;
  /** The extracted posting; null when drafting without one (no coverage check). */
  job: JobFields | null;
  /** The posting's text: names in it (the company, its products) may appear in a draft. */
  postingText?: string | null;
  /** Years the draft may mention besides the source's, e.g. the current year on a dated letter. */
  allowedYears?: readonly number[];
  /** "Today" for a current role's length (years of experience); defaults to now. */
  today?: Date;
}

const SEVERITY_ORDER: Record<ValidationFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

function candidateOf(input: ValidateDraftInput): { profile: CandidateProfile; sourceText: string } | null {
  return input.profile && input.sourceText !== null ? { profile: input.profile, sourceText: input.sourceText } : null;
}

function candidateFindings(
  input: ValidateDraftInput,
  coverage: MustHaveCoverage,
  coverageSource: SkillText | null,
): ValidationFinding[] {
  const draft = toDraftDocument(input.kind, input.markdown);
  const candidate = candidateOf(input);
  if (!candidate) {
    return [
      CLAIMS_NOT_CHECKED,
      ...checkMustHaves(coverage, input.markdown, input.job),
      ...checkLength(input.kind, input.markdown),
      ...checkAtsFormatting(draft),
    ];
  }
  const { profile, sourceText } = candidate;
  const support = buildSupportIndex(profile, sourceText, input.job, input.allowedYears);
  const job = input.job;
  const postingKey = matchKey(
    [
      input.postingText ?? '',
      job?.company ?? '',
      job?.title ?? '',
      job?.location ?? '',
      ...(job?.responsibilities ?? []),
      ...(job?.requirements ?? []),
    ].join('\n'),
  );
  return [
    ...checkUnsupportedClaims(draft, {
      profile,
      support,
      sourceText,
      postingKey,
      employers: employerLookup(profile),
      jobNames: [job?.title ?? '', job?.company ?? ''],
      today: input.today ?? new Date(),
    }),
    ...checkContact(input.kind, input.markdown, profile, sourceText),
    ...checkSections(draft, profile),
    ...checkMustHaves(coverage, coverageSource ?? skillText(`${sourceText}\n${profile.skills.join(', ')}`), job),
    ...checkLength(input.kind, input.markdown),
    ...checkAtsFormatting(draft),
  ];
}

/** The deterministic local checks; they always run, with or without a provider. */
export function validateDraft(input: ValidateDraftInput): ValidationReport {
  const candidate = candidateOf(input);
  // The candidate's skills text, folded once for the coverage and the must-have findings.
  const coverageSource = candidate
    ? skillText(`${candidate.sourceText}\n${candidate.profile.skills.join(', ')}`)
    : null;
  const coverage = mustHaveCoverage(input.markdown, input.job, coverageSource);
  const findings = candidateFindings(input, coverage, coverageSource)
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
  return {
    score: computeScore(findings, coverage.ratio),
    claimsChecked: candidate !== null,
    mustHaveCoverage: coverage,
    findings,
    offline: true,
  };
}
