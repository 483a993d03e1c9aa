/** Rules shared by the CV and cover-letter prompts: the candidate's source is the only source of facts. */
export const FACTUAL_RULES = [
  'Use only facts stated in the candidate source (the profile and the CV text). The job posting tells you what to emphasise, never what the candidate did.',
  'Never invent or alter employers, job titles, dates, degrees, schools, certifications, skills, numbers or achievements. Copy names, titles and dates exactly as the source writes them.',
  'If the posting asks for something the source does not show, do not claim it; leave it out.',
  "You may reorder, select and rephrase to fit the posting, and mirror the posting's wording for skills the candidate really has.",
  'Write in the language of the job posting unless told otherwise.',
  'Output plain Markdown only: no preamble, no code fences, no tables, no images, no HTML, no emojis.',
].join('\n- ');
