const SOURCE_RULES = [
  'Use only facts stated in the candidate source (the profile and the CV text). The job posting tells you what to emphasise, never what the candidate did.',
  'Never invent or alter employers, job titles, dates, degrees, schools, certifications, skills, numbers or achievements. Copy names, titles and dates exactly as the source writes them.',
  'If the posting asks for something the source does not show, do not claim it; leave it out.',
  "You may reorder, select and rephrase to fit the posting, and mirror the posting's wording for skills the candidate really has.",
  'Write in the language of the job posting unless told otherwise.',
];

/** Rules for an answer in JSON (the CV): the candidate's source is the only source of facts. */
export const FACTUAL_JSON_RULES = [
  ...SOURCE_RULES,
  'Return only a JSON object matching the given JSON Schema: no preamble, no code fences, no Markdown or HTML inside the strings.',
].join('\n- ');

/** Rules shared by the Markdown prompts (the cover letter): the candidate's source is the only source of facts. */
export const FACTUAL_RULES = [
  ...SOURCE_RULES,
  'Output plain Markdown only: no preamble, no code fences, no tables, no images, no HTML, no emojis.',
].join('\n- ');
