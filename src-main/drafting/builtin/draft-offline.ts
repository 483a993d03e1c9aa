import type { CandidateProfile, DraftKind, DraftOutput, JobFields } from '@contract';
import { OFFLINE_NOTE } from './offline-note';
import { renderTemplateCoverLetter } from './template-cover-letter';
import { renderTemplateCv } from './template-cv';

/** The built-in drafter: deterministic, offline, and limited to the profile's facts. */
export function draftOffline(kind: DraftKind, profile: CandidateProfile, job: JobFields): DraftOutput {
  const markdown = kind === 'cv' ? renderTemplateCv(profile, job) : renderTemplateCoverLetter(profile, job);
  return { kind, markdown, offline: true, note: OFFLINE_NOTE };
}
