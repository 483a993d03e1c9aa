import type { CandidateProfile, JobFields } from '@contract';
import { profileToText } from '../inputs/profile-to-text';
import { jobFieldsJson } from './job-context';
import { fenceUntrusted, type FencedBlock } from './untrusted-data';

export interface DraftPromptInput {
  profile: CandidateProfile;
  /** The candidate's own text (CV file text, or the profile rendered as text for a JSON profile). */
  sourceText: string;
  job: JobFields;
  /** The posting's full text when available; gives tone and context beyond the extracted fields. */
  postingText?: string | null;
}

export interface DraftBlocks {
  all: FencedBlock[];
  userText: string;
}

/** Fences the candidate source and the posting for the CV and cover-letter prompts. */
export function draftBlocks(input: DraftPromptInput): DraftBlocks {
  const profile = fenceUntrusted('CANDIDATE_PROFILE', JSON.stringify(input.profile, null, 2));
  const cvText =
    input.sourceText.trim() === profileToText(input.profile).trim()
      ? null
      : fenceUntrusted('CANDIDATE_CV', input.sourceText);
  const fields = fenceUntrusted('JOB_FIELDS', jobFieldsJson(input.job));
  const posting = input.postingText ? fenceUntrusted('JOB_POSTING', input.postingText) : null;
  const all = [profile, cvText, fields, posting].filter((b): b is FencedBlock => b !== null);
  const sections = [
    `Candidate profile (facts you may use):\n${profile.text}`,
    cvText ? `Candidate CV text (facts you may use):\n${cvText.text}` : null,
    `Job posting, extracted fields (what to emphasise):\n${fields.text}`,
    posting ? `Job posting, full text (context only):\n${posting.text}` : null,
  ].filter((s): s is string => s !== null);
  return { all, userText: sections.join('\n\n') };
}
