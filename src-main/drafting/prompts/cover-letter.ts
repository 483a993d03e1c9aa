import { draftBlocks, type DraftPromptInput } from './candidate-blocks';
import { FACTUAL_RULES } from './factual-rules';
import type { Prompt } from './prompt';
import { untrustedDataRule } from './untrusted-data';
import { WORD_RANGES } from '../validation/check-length';

const LETTER_SHAPE = [
  'A greeting to the hiring team of the company named in the posting (a named person only if the posting names one). Use the company exactly as the extracted field "company" gives it, without its location or work mode.',
  'An opening that names the role (the extracted "title") and the company.',
  "Two or three of the posting's must-have skills or requirements, each argued with one specific highlight of one specific entry of the candidate record: name that entry's position and employer and state the highlight faithfully (same facts and numbers; you may rephrase). Only argue a requirement the record shows; never attach a highlight to another entry.",
  'Write this letter for this posting: its opening, argument and closing must be specific to this role and company, not a generic letter with the names swapped.',
  "A short closing paragraph and a sign-off with the candidate's name and contact details from the source.",
  `${WORD_RANGES.cover_letter.min}–${WORD_RANGES.cover_letter.max} words in plain paragraphs: no headings, tables or long bullet lists.`,
  "Do not state today's date, an address you were not given, or the name of a hiring manager that the posting does not give.",
].join('\n- ');

/** Prompt for a cover letter for a posting, in Markdown, from the candidate's own facts only. */
export function buildCoverLetterPrompt(input: DraftPromptInput): Prompt {
  const blocks = draftBlocks(input);
  const system = [
    'You are an expert recruiter who writes concise, specific cover letters. The letter must be truthful.',
    `Rules:\n- ${FACTUAL_RULES}`,
    `Shape:\n- ${LETTER_SHAPE}`,
    untrustedDataRule(blocks.all),
  ].join('\n\n');
  const userText = `${blocks.userText}\n\nWrite the cover letter in Markdown now.`;
  return { system, userText };
}
