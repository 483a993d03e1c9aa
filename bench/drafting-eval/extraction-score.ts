import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobFields } from '@contract';
import { extractJobFieldsOffline } from '../../src-main/drafting/builtin/extract-job-fields';
import { htmlToPlainText, pdfToText } from '../../src-main/drafting/inputs/extract-text';
import { tidyText } from '../../src-main/drafting/inputs/tidy-text';

// Offline extraction scored field by field on the posting fixtures (English, German, French and Spanish; text,
// Markdown, HTML pages with boilerplate, a PDF) against the .expected.json beside each. Used by the extraction
// test and by `npm run eval:drafting`, so both report the same number.

export const POSTING_DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'drafting', 'postings');

export const SCORED_FIELDS = [
  'title',
  'company',
  'location',
  'workMode',
  'employmentType',
  'seniority',
  'salary',
  'language',
  'mustHaveSkills',
  'niceToHaveSkills',
] as const satisfies readonly (keyof JobFields)[];
type ScoredField = (typeof SCORED_FIELDS)[number];
type Expected = Pick<JobFields, ScoredField>;

export interface PostingFixture {
  name: string;
  expectedFile: string;
}

export function postingFixtures(dir = POSTING_DIR): PostingFixture[] {
  return readdirSync(dir)
    .filter((name) => !name.endsWith('.expected.json'))
    .sort()
    .map((name) => ({ name, expectedFile: name.replace(/\.[a-z]+$/u, '.expected.json') }));
}

/** Skill lists are compared as sets: the order a posting lists skills in is not a field of its own. */
function sameValue(field: ScoredField, actual: unknown, expected: unknown): boolean {
  if (field === 'mustHaveSkills' || field === 'niceToHaveSkills') {
    const a = [...(actual as string[])].sort();
    const e = [...(expected as string[])].sort();
    return JSON.stringify(a) === JSON.stringify(e);
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/**
 * The posting's text as the app reads it, with the same readers and tidying; PDF and HTML are read in this thread
 * rather than the document worker, whose 10 s budget a busy machine can exceed.
 */
async function extract(dir: string, name: string): Promise<JobFields> {
  const bytes = readFileSync(join(dir, name));
  const raw = name.endsWith('.pdf')
    ? await pdfToText(name, bytes)
    : name.endsWith('.html')
      ? htmlToPlainText(bytes.toString('utf8'), name)
      : bytes.toString('utf8');
  return extractJobFieldsOffline(tidyText(raw));
}

export interface ExtractionScore {
  postings: number;
  exact: number;
  total: number;
  /** "file field: got …, expected …" for every field that is not exactly right. */
  misses: string[];
}

export async function scoreExtraction(dir = POSTING_DIR): Promise<ExtractionScore> {
  const fixtures = postingFixtures(dir);
  const score: ExtractionScore = { postings: fixtures.length, exact: 0, total: 0, misses: [] };
  for (const { name, expectedFile } of fixtures) {
    const expected = JSON.parse(readFileSync(join(dir, expectedFile), 'utf8')) as Expected;
    const actual = await extract(dir, name);
    for (const field of SCORED_FIELDS) {
      score.total += 1;
      if (sameValue(field, actual[field], expected[field])) score.exact += 1;
      else
        score.misses.push(
          `${name} ${field}: got ${JSON.stringify(actual[field])}, expected ${JSON.stringify(expected[field])}`,
        );
    }
  }
  return score;
}
