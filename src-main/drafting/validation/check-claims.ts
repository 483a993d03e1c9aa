import type { ValidationFinding } from '@contract';
import { findUnsupportedClaims } from './claims/unsupported-claims';
import type { RecordContext } from './claims/record-claims';
import type { DraftDocument } from './draft-document';

export function checkUnsupportedClaims(draft: DraftDocument, ctx: RecordContext): ValidationFinding[] {
  return findUnsupportedClaims(draft, ctx).map((claim) => ({
    severity: 'error',
    kind: 'unsupported_claim',
    message: `The ${claim.type} "${claim.text}" is not in the candidate's source. Remove it or confirm it with the candidate.`,
    evidence: claim.line.slice(0, 500),
  }));
}

/** Said plainly when there is no candidate source: nothing the draft states about the candidate was verified. */
export const CLAIMS_NOT_CHECKED: ValidationFinding = {
  severity: 'info',
  kind: 'unsupported_claim',
  message:
    'Claims were not checked: no candidate source was given, so employers, titles, dates, numbers, skills and degrees in the draft are unverified and the score does not cover them.',
};
