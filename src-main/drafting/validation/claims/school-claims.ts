import { plainLine } from '../../text/lines';
import { findSchoolNames } from '../../text/schools';
import type { DraftDocument } from '../draft-document';
import type { SupportIndex } from '../support-index';
import type { UnsupportedClaim } from './claim';

export function unsupportedSchools(draft: DraftDocument, support: SupportIndex): UnsupportedClaim[] {
  return draft.lines.flatMap((rawLine) => {
    const line = plainLine(rawLine);
    return findSchoolNames(line)
      .filter(({ name }) => !support.supportsName(name) && !support.isJobName(name))
      .map(({ name }): UnsupportedClaim => ({ type: 'school', text: name, line }));
  });
}
