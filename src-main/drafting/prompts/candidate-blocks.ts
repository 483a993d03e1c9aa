import type { CandidateProfile, CandidateRecord, JobFields } from '@contract';
import { profileToText } from '../inputs/profile-to-text';
import { recordToText } from '../record/record-to-text';
import { jobFieldsJson } from './job-context';
import { ENTRY_SECTIONS, entryId } from './record-entry-ids';
import { fenceUntrusted, type FencedBlock } from './untrusted-data';

export interface DraftPromptInput {
  profile: CandidateProfile;
  /** The JSON Resume record; when given, the prompt shows it (with an id per entry) instead of the flat profile. */
  record?: CandidateRecord;
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
  const profile = input.record
    ? fenceUntrusted('CANDIDATE_RECORD', JSON.stringify(resumeWithIds(input.record), null, 2))
    : fenceUntrusted('CANDIDATE_PROFILE', JSON.stringify(input.profile, null, 2));
  const rendered = input.record ? recordToText(input.record) : profileToText(input.profile);
  const cvText = input.sourceText.trim() === rendered.trim() ? null : fenceUntrusted('CANDIDATE_CV', input.sourceText);
  const fields = fenceUntrusted('JOB_FIELDS', jobFieldsJson(input.job));
  const posting = input.postingText ? fenceUntrusted('JOB_POSTING', input.postingText) : null;
  const all = [profile, cvText, fields, posting].filter((b): b is FencedBlock => b !== null);
  const sections = [
    input.record
      ? `Candidate record, a JSON Resume (facts you may use). Each entry has an id. Keep every highlight under the entry it belongs to: select, order and rephrase highlights within their entry, never move one to another entry, merge entries or drop a section without saying so:\n${profile.text}`
      : `Candidate profile (facts you may use):\n${profile.text}`,
    cvText
      ? input.record
        ? `The candidate's CV file as imported (context only: the record above is what was read from it, as the recruiter corrected it; where the two differ the record is right, and a fact that is only in this file must not be used):\n${cvText.text}`
        : `Candidate CV text (facts you may use):\n${cvText.text}`
      : null,
    `Job posting, extracted fields (what to emphasise):\n${fields.text}`,
    posting ? `Job posting, full text (context only):\n${posting.text}` : null,
  ].filter((s): s is string => s !== null);
  return { all, userText: sections.join('\n\n') };
}

/** The resume with an id on each entry ("work-0"), so a draft's content can be traced to the entry it came from. */
function resumeWithIds(record: CandidateRecord): Record<string, unknown> {
  const { meta: _meta, ...resume } = record.resume;
  const withIds: Record<string, unknown> = { ...resume };
  for (const section of ENTRY_SECTIONS) {
    const entries = record.resume[section];
    if (entries) withIds[section] = entries.map((entry, index) => ({ id: entryId(section, index), ...entry }));
  }
  return withIds;
}
