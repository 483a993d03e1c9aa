import type { CandidateRecord } from '@contract';
import { cvAnswerSchema } from '../output/cv-answer-schema';
import { draftBlocks, type DraftPromptInput } from './candidate-blocks';
import { FACTUAL_JSON_RULES } from './factual-rules';
import { jsonSchemaOf } from './json-schema';
import type { JsonPrompt } from './prompt';
import { untrustedDataRule } from './untrusted-data';
import { WORD_RANGES } from '../validation/check-length';

const CV_ANSWER = [
  'summary: 2–4 sentences aimed at the posting, built only from the record.',
  "skills: the candidate's skills that the posting asks for first, then other relevant ones; only skills the record lists or clearly shows.",
  'entries: the record entries to show, by their "id" (e.g. "work-0"), in the order to show them within each section; keep at least one entry of every section the record has, and every work entry.',
  'entries[].bullets: 2–5 bullets per work entry (education may have none), most relevant to the posting first. Each bullet states facts of that entry only, rephrased at most, and lists in "sourceIds" the id of that entry. Never put a bullet under another entry, and never cite an id the record does not have.',
  'Do not write names, job titles, employers, schools or dates: the tool takes them from the record by id.',
  `The rendered CV should be 1–2 pages (about ${WORD_RANGES.cv.min}–${WORD_RANGES.cv.max} words); shorter when the record has less to say: never pad with content the record does not support.`,
].join('\n- ');

/**
 * Prompt for a CV tailored to a posting, answered as JSON: the content of each record entry, cited by id, which
 * our renderer turns into Markdown with the record's own titles, employers and dates.
 */
export function buildCvDraftPrompt(input: DraftPromptInput & { record: CandidateRecord }): JsonPrompt {
  const blocks = draftBlocks(input);
  const system = [
    'You are an expert recruiter who tailors CVs to job postings. The CV must be truthful and ATS-friendly.',
    `Rules:\n- ${FACTUAL_JSON_RULES}`,
    `Answer fields:\n- ${CV_ANSWER}`,
    untrustedDataRule(blocks.all),
  ].join('\n\n');
  const userText = `${blocks.userText}\n\nReturn the tailored CV as the JSON object now.`;
  return { system, userText, jsonSchema: { name: 'cv_draft', schema: jsonSchemaOf(cvAnswerSchema) } };
}
