import type { DraftDocument } from '../draft-document';
import type { UnsupportedClaim } from './claim';
import { unsupportedDates } from './date-claims';
import { unsupportedDegrees } from './degree-claims';
import { unsupportedEntryClaims } from './entry-claims';
import { unsupportedProseClaims } from './prose-claims';
import { unsupportedRecordClaims, type RecordContext } from './record-claims';
import { unsupportedRoles } from './role-claims';
import { unsupportedSchools } from './school-claims';

/** Every claim in the draft (employer, title, date, number, skill, degree, school…) that the candidate's record does not back. */
export function findUnsupportedClaims(draft: DraftDocument, ctx: RecordContext): UnsupportedClaim[] {
  const { support } = ctx;
  const all = [
    ...unsupportedEntryClaims(draft, ctx.profile, ctx.employers),
    ...unsupportedRecordClaims(draft, ctx),
    ...unsupportedRoles(draft, support),
    ...unsupportedProseClaims(draft, support),
    ...unsupportedDegrees(draft, support),
    ...unsupportedSchools(draft, support),
    ...unsupportedDates(draft, support),
  ];
  // A capitalised word already inside a stronger claim on its line ("Globex" of the employer "Globex Corp") is not
  // a finding of its own: one invented employer is one finding.
  const wordsByLine = new Map<string, Set<string>>();
  for (const claim of all) {
    if (claim.type === 'name') continue;
    const words = wordsByLine.get(claim.line) ?? new Set<string>();
    for (const word of claim.text.split(/[^\p{L}\p{N}]+/u)) if (word) words.add(word);
    wordsByLine.set(claim.line, words);
  }
  const seen = new Set<string>();
  return all.filter((claim) => {
    if (claim.type === 'name' && wordsByLine.get(claim.line)?.has(claim.text)) return false;
    const key = `${claim.type}:${claim.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
