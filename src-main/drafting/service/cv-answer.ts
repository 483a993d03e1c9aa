import { candidateRecordSchema, candidateProfileSchema, type CandidateProfile, type CandidateRecord } from '@contract';
import { AppError } from '../../errors';
import { parseCvAnswer } from '../output/parse-cv-answer';
import { renderCvAnswer } from '../output/render-cv-answer';

/** The CV Markdown for an AI answer that passed the router's check; a stale or broken answer is a typed error. */
export function cvMarkdownFromAnswer(text: string, record: CandidateRecord, profile: CandidateProfile): string {
  const parsed = parseCvAnswer(text, record);
  if (!parsed.ok) throw new AppError('invalid_input', `The CV answer was not valid: ${parsed.error.issues[0] ?? ''}`);
  return renderCvAnswer(parsed.value, record, profile);
}

/** What a queued CV keeps with its outbox entry, so the answer renders against the record it was asked about. */
export const cvQueueContext = (record: CandidateRecord, profile: CandidateProfile) => ({ cv: { record, profile } });

export function cvFromQueueContext(context: unknown): { record: CandidateRecord; profile: CandidateProfile } | null {
  const cv = (context as { cv?: { record?: unknown; profile?: unknown } } | null)?.cv;
  if (!cv) return null;
  const record = candidateRecordSchema.safeParse(cv.record);
  const profile = candidateProfileSchema.safeParse(cv.profile);
  return record.success && profile.success ? { record: record.data, profile: profile.data } : null;
}
