import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { readCandidateFile } from '../../../src-main/drafting/inputs/read-candidate';
import { validateDraft } from '../../../src-main/drafting/validation/validate-draft';
import { CANDIDATE_DIR, EVAL_TODAY, FIXTURE_DIR } from '../../../bench/drafting-eval/claims-eval';

const ROOT = join(__dirname, '../../..');
// Every CV written as text: its own words, imported as a draft, state nothing its source lacks.
const SOURCES = [
  join(ROOT, 'examples/candidate-cv.md'),
  ...readdirSync(CANDIDATE_DIR)
    .filter((f) => /\.(md|txt)$/u.test(f))
    .map((f) => join(CANDIDATE_DIR, f)),
];

describe('a CV validated against itself has no unsupported claim', () => {
  const postingText = readFileSync(join(FIXTURE_DIR, 'job-frontend.txt'), 'utf8');
  const job = extractJobFieldsOffline(postingText);
  for (const file of SOURCES) {
    it(file.slice(ROOT.length + 1), async () => {
      const c = await readCandidateFile(file);
      const report = validateDraft({
        kind: 'cv',
        markdown: readFileSync(file, 'utf8'),
        profile: c.profile,
        sourceText: c.sourceText,
        job,
        postingText,
        today: EVAL_TODAY,
      });
      expect(report.findings.filter((f) => f.kind === 'unsupported_claim').map((f) => f.message)).toEqual([]);
    });
  }
});

describe('one invented employer is one finding', () => {
  it('the capitalised words of an unsupported employer are not flagged again as names', async () => {
    const file = join(ROOT, 'examples/candidate-cv.md');
    const c = await readCandidateFile(file);
    const source = readFileSync(file, 'utf8');
    const planted = '- Led the platform team at Globex Corporation for three years';
    const markdown = source.replace(/(### [^\n]+\n(?:[^\n]*\n)*?- [^\n]+\n)/u, `$1${planted}\n`);
    expect(markdown).toContain(planted);
    const postingText = readFileSync(join(FIXTURE_DIR, 'job-frontend.txt'), 'utf8');
    const report = validateDraft({
      kind: 'cv',
      markdown,
      profile: c.profile,
      sourceText: c.sourceText,
      job: extractJobFieldsOffline(postingText),
      postingText,
      today: EVAL_TODAY,
    });
    const globex = report.findings.filter((f) => f.kind === 'unsupported_claim' && f.message.includes('Globex'));
    expect(globex.map((f) => f.message)).toEqual([expect.stringMatching(/employer "Globex Corporation"/u)]);
  });
});
