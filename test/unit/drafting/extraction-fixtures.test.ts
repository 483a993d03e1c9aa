import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobFields } from '@contract';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { htmlToPlainText, pdfToText } from '../../../src-main/drafting/inputs/extract-text';
import { tidyText } from '../../../src-main/drafting/inputs/tidy-text';
import { FIXTURES } from './helpers';

const DIR = join(FIXTURES, 'postings');
const SCORED_FIELDS = [
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

const postings = readdirSync(DIR)
  .filter((name) => !name.endsWith('.expected.json'))
  .sort()
  .map((name) => ({ name, expectedFile: name.replace(/\.[a-z]+$/u, '.expected.json') }));

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
 * rather than the document worker, whose 10 s budget a busy test machine can exceed.
 */
async function extract(name: string): Promise<JobFields> {
  const bytes = readFileSync(join(DIR, name));
  const raw = name.endsWith('.pdf')
    ? await pdfToText(name, bytes)
    : name.endsWith('.html')
      ? htmlToPlainText(bytes.toString('utf8'), name)
      : bytes.toString('utf8');
  return extractJobFieldsOffline(tidyText(raw));
}

// Postings written for this test in English, German, French and Spanish, as text, Markdown, HTML pages with
// navigation and cookie banners, and a PDF. Each field is scored exactly against the .expected.json beside it.
describe('offline extraction on the posting fixtures', () => {
  it('has at least 12 postings in English, German, French and Spanish, including HTML and PDF', () => {
    expect(postings.length).toBeGreaterThanOrEqual(12);
    const names = postings.map((p) => p.name);
    for (const prefix of ['en-', 'de-', 'fr-', 'es-']) expect(names.some((n) => n.startsWith(prefix))).toBe(true);
    expect(names.some((n) => n.endsWith('.html'))).toBe(true);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
  });

  it('gets at least 95% of the fields exactly right', async () => {
    let exact = 0;
    let total = 0;
    const misses: string[] = [];
    for (const { name, expectedFile } of postings) {
      const expected = JSON.parse(readFileSync(join(DIR, expectedFile), 'utf8')) as Expected;
      const actual = await extract(name);
      for (const field of SCORED_FIELDS) {
        total += 1;
        if (sameValue(field, actual[field], expected[field])) exact += 1;
        else
          misses.push(
            `${name} ${field}: got ${JSON.stringify(actual[field])}, expected ${JSON.stringify(expected[field])}`,
          );
      }
    }
    const score = exact / total;
    console.log(`extraction: ${exact}/${total} fields exact (${(score * 100).toFixed(1)}%)\n${misses.join('\n')}`);
    expect(score).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
