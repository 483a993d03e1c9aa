import type { DraftDocument } from '../draft-document';
import type { SupportIndex } from '../support-index';
import type { UnsupportedClaim } from './claim';
import { unsupportedDates } from './date-claims';
import { unsupportedDegrees } from './degree-claims';
import { unsupportedProseClaims } from './prose-claims';
import { unsupportedRoles } from './role-claims';
import { unsupportedSchools } from './school-claims';

/** Every employer, title, date, degree and school in the draft that the candidate's source does not contain. */
export function findUnsupportedClaims(draft: DraftDocument, support: SupportIndex): UnsupportedClaim[] {
  const all = [
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
