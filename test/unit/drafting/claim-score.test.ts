import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftOffline } from '../../../src-main/drafting/builtin/draft-offline';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { readCandidateFile } from '../../../src-main/drafting/inputs/read-candidate';
import { validateDraft } from '../../../src-main/drafting/validation/validate-draft';
import { CANDIDATE_DIR, EVAL_TODAY, FIXTURE_DIR } from '../../../bench/drafting-eval/claims-eval';

describe('unsupported content never raises the score', () => {
  it('adding a must-have skill the candidate lacks lowers the score and does not count as coverage', async () => {
    const postingText = readFileSync(join(FIXTURE_DIR, 'job-frontend.txt'), 'utf8');
    const job = extractJobFieldsOffline(postingText);
    const c = await readCandidateFile(join(CANDIDATE_DIR, 'md-german.md'));
    const cv = draftOffline('cv', c.profile, job).markdown;
    const lacking = job.mustHaveSkills.filter((s) => !c.sourceText.includes(s));
    expect(lacking.length).toBeGreaterThan(0);
    const padded = `${cv}\n\n## Skills\n\n${lacking.join(', ')}\n`;
    const check = (markdown: string) =>
      validateDraft({
        kind: 'cv',
        markdown,
        profile: c.profile,
        sourceText: c.sourceText,
        job,
        postingText,
        today: EVAL_TODAY,
      });
    const before = check(cv);
    const after = check(padded);
    expect(after.mustHaveCoverage.covered).toEqual(before.mustHaveCoverage.covered);
    expect(after.score).toBeLessThan(before.score);
    expect(after.findings.some((f) => f.kind === 'unsupported_claim' && f.message.includes(lacking[0] ?? '?'))).toBe(
      true,
    );
  });
});
