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
  const seen = new Set<string>();
  return all.filter((claim) => {
    const key = `${claim.type}:${claim.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
