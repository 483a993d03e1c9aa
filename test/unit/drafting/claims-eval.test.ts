import { describe, expect, it } from 'vitest';
import { runClaimsEval } from '../../../bench/drafting-eval/claims-eval';
import { FABRICATION_KINDS } from '../../../bench/drafting-eval/fabrications';

// The validation part of `npm run eval:drafting` on a subset: what a recruiter relies on is that planted
// fabrications are caught and faithful rewrites are not flagged.
const SUBSET = [
  'md-ceo-headings.md',
  'docx-career-changer.docx',
  'json-resume-cyrillic.json',
  'md-bold-title-city.md',
  'pdf-two-column.pdf',
  'txt-spanish-dates-first.txt',
];

describe('claim validation over planted fabrications', () => {
  it('catches at least 95% of fabrications of every kind with no false alarm on faithful documents', async () => {
    const result = await runClaimsEval(SUBSET);
    let planted = 0;
    let caught = 0;
    for (const kind of FABRICATION_KINDS) {
      planted += result.perKind[kind].planted;
      caught += result.perKind[kind].caught;
    }
    expect(planted).toBeGreaterThanOrEqual(40);
    expect(caught / planted).toBeGreaterThanOrEqual(0.95);
    expect(result.falseAlarms).toEqual([]);
    expect(result.faithful).toBeGreaterThanOrEqual(20);
  }, 60_000);
});
