import type { ValidationFinding } from '@contract';
import { findUnsupportedClaims } from './claims/unsupported-claims';
import type { DraftDocument } from './draft-document';
import type { SupportIndex } from './support-index';

export function checkUnsupportedClaims(draft: DraftDocument, support: SupportIndex): ValidationFinding[] {
  return findUnsupportedClaims(draft, support).map((claim) => ({
    severity: 'error',
    kind: 'unsupported_claim',
    message: `The ${claim.type} "${claim.text}" is not in the candidate's source. Remove it or confirm it with the candidate.`,
    evidence: claim.line.slice(0, 500),
  }));
}
