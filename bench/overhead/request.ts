/** The one request both sides of the overhead bench send. */
export const BENCH_MODEL = 'gpt-4o-mini';
export const MAX_OUTPUT_TOKENS = 64;
export const BENCH_PROMPT =
  'Extract the job title, company and location from: Senior TypeScript Engineer at Acme GmbH, Berlin (hybrid).';
