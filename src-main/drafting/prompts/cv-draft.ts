import { draftBlocks, type DraftPromptInput } from './candidate-blocks';
import { FACTUAL_RULES } from './factual-rules';
import type { Prompt } from './prompt';
import { untrustedDataRule } from './untrusted-data';

const CV_LAYOUT = [
  '# <candidate name> on the first line, then one line of contact details (location · email · phone · links) exactly as in the source.',
  '## Summary: 2–4 sentences aimed at the posting, built only from the source.',
  "## Skills: the candidate's skills that the posting asks for first, then other relevant ones. Only skills the source lists or clearly shows.",
  '## Experience: every role from the source, most recent first, as "### <Title> — <Employer>" followed by a line with location and dates as the source gives them, then 2–5 bullets; put bullets most relevant to the posting first.',
  '## Education: "- <Degree> in <Field> — <School> (<dates>)" per entry from the source.',
  'Optional ## Certifications and ## Languages sections when the source has them.',
  'Single column, no tables, 1–2 pages (about 300–900 words).',
].join('\n- ');

/** Prompt for a CV tailored to a posting, in Markdown, from the candidate's own facts only. */
export function buildCvDraftPrompt(input: DraftPromptInput): Prompt {
  const blocks = draftBlocks(input);
  const system = [
    'You are an expert recruiter who tailors CVs to job postings. The CV must be truthful and ATS-friendly.',
    `Rules:\n- ${FACTUAL_RULES}`,
    `Layout:\n- ${CV_LAYOUT}`,
    untrustedDataRule(blocks.all),
  ].join('\n\n');
  const userText = `${blocks.userText}\n\nWrite the tailored CV in Markdown now.`;
  return { system, userText };
}
