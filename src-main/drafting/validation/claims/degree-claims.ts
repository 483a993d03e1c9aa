import { findDegrees, isDegreeSupported } from '../../text/degrees';
import { plainLine } from '../../text/lines';
import type { DraftDocument } from '../draft-document';
import type { SupportIndex } from '../support-index';
import type { UnsupportedClaim } from './claim';

export function unsupportedDegrees(draft: DraftDocument, support: SupportIndex): UnsupportedClaim[] {
  return draft.lines.flatMap((rawLine) => {
    const line = plainLine(rawLine);
    return findDegrees(line)
      .filter((degree) => !isDegreeSupported(degree, support.degrees, (key) => support.sourceIndex.has(key)))
      .map((degree): UnsupportedClaim => ({ type: 'degree', text: degree.text, line }));
  });
}
