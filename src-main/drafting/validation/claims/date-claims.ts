import { findDateRanges, findYears } from '../../text/dates';
import { plainLine } from '../../text/lines';
import type { DraftDocument } from '../draft-document';
import { rangeKey, type SupportIndex } from '../support-index';
import type { UnsupportedClaim } from './claim';

/**
 * Date ranges must match a range in the source (by years, so "Apr 2019 – Mar 2022" and
 * "2019 - 2022" agree) and lone years must appear in the source.
 */
export function unsupportedDates(draft: DraftDocument, support: SupportIndex): UnsupportedClaim[] {
  const claims: UnsupportedClaim[] = [];
  for (const rawLine of draft.lines) {
    const line = plainLine(rawLine);
    const covered: [number, number][] = [];
    for (const range of findDateRanges(line)) {
      covered.push([range.index, range.index + range.text.length]);
      if (!support.ranges.has(rangeKey(range.startYear, range.endYear))) {
        claims.push({ type: 'date', text: range.text.trim(), line });
      }
    }
    // Both lists run left to right and ranges do not overlap, so one cursor finds the range (if any) around each year.
    let next = 0;
    for (const { year, index } of findYears(line)) {
      while ((covered[next]?.[1] ?? Infinity) <= index) next += 1;
      const around = covered[next];
      if (around && index >= around[0]) continue;
      if (!support.years.has(year)) claims.push({ type: 'date', text: String(year), line });
    }
  }
  return claims;
}
