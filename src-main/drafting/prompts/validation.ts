import type { DraftKind, ValidationReport } from '@contract';
import { providerJudgementSchema } from '../output/judgement-schema';
import { draftBlocks, type DraftPromptInput } from './candidate-blocks';
import { jsonSchemaOf } from './json-schema';
import type { JsonPrompt } from './prompt';
import { fenceUntrusted, untrustedDataRule } from './untrusted-data';

export interface ValidationPromptInput extends DraftPromptInput {
  kind: DraftKind;
  draft: string;
  /** The local report, so the provider adds judgement instead of repeating mechanical checks. */
  localReport: ValidationReport;
}

/** Prompt asking a provider for judgement findings on a draft; the local checks stay authoritative. */
export function buildValidationPrompt(input: ValidationPromptInput): JsonPrompt {
  const blocks = draftBlocks(input);
  const draft = fenceUntrusted('DRAFT', input.draft);
  // Local findings quote the draft, so they are fenced like the draft itself.
  const local = fenceUntrusted(
    'LOCAL_FINDINGS',
    input.localReport.findings.map((f) => `- [${f.severity}] ${f.message}`).join('\n') || '- none',
  );
  const document = input.kind === 'cv' ? 'CV' : 'cover letter';
  const system = [
    `You review a ${document} drafted for a job posting, as a meticulous senior recruiter.`,
    "Report only what automated checks cannot judge: claims that overstate or distort the candidate source, vague or generic wording, weak fit to the posting's main requirements, tone, and anything misleading. Each finding: severity (error for a false or unsupported statement, warning for a real weakness, info for a suggestion), a one-sentence message, and the exact draft text as evidence (or null).",
    'Do not repeat the findings of the local checks you are given. Return at most 10 findings, as JSON matching the schema; an empty list if the draft is sound.',
    untrustedDataRule([...blocks.all, draft, local]),
  ].join('\n\n');
  const userText = [
    blocks.userText,
    `The ${document} to review:\n${draft.text}`,
    `Findings of the local checks (already reported):\n${local.text}`,
  ].join('\n\n');
  return { system, userText, jsonSchema: { name: 'draft_review', schema: jsonSchemaOf(providerJudgementSchema) } };
}
