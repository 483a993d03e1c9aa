import { findDateRanges } from '../text/dates';
import type { SourceLine } from './source-lines';

/** An entry as laid out in the source: its header lines (title, organisation, dates, place) and the lines under it. */
export interface EntryBlock {
  header: SourceLine[];
  items: SourceLine[];
}

const MAX_HEADER_LINE = 140;

function isProse(line: SourceLine): boolean {
  return line.text.length > MAX_HEADER_LINE || /[.!?;]$/u.test(line.text) || line.text.split(/\s+/u).length > 16;
}

function isDatesOnly(line: SourceLine): boolean {
  const range = findDateRanges(line.text)[0];
  if (!range) return false;
  const rest = (line.text.slice(0, range.index) + line.text.slice(range.index + range.text.length)).replace(
    /[\s,|·•()\u2013\u2014-]+/gu,
    '',
  );
  return rest.length === 0;
}

const hasDates = (lines: SourceLine[]): boolean => lines.some((l) => findDateRanges(l.text).length > 0);

/**
 * Groups the lines of an entry section (work, volunteer, projects, education) into entries. A run of short non-bullet
 * lines is an entry's header; bullets and prose after it are its items. A header line after items, a heading or bold
 * line, or a second set of dates opens the next entry. Lines before any header belong to no entry: they are returned
 * as `loose`, never attached to a neighbour.
 */
export function groupEntryBlocks(lines: SourceLine[]): { blocks: EntryBlock[]; loose: SourceLine[] } {
  const blocks: EntryBlock[] = [];
  const loose: SourceLine[] = [];
  let current: EntryBlock | null = null;

  for (const line of lines) {
    if (line.isBullet || (isProse(line) && !line.isEmphasised)) {
      if (current) current.items.push(line);
      else loose.push(line);
      continue;
    }
    const startsNew =
      current === null ||
      current.items.length > 0 ||
      current.header.length >= 4 ||
      (line.emphasis !== null && current.header.some((h) => h.emphasis === line.emphasis)) ||
      (hasDates(current.header) && findDateRanges(line.text).length > 0 && !isDatesOnly(line)) ||
      (hasDates(current.header) && isDatesOnly(line));
    if (startsNew) {
      current = { header: [line], items: [] };
      blocks.push(current);
    } else {
      current?.header.push(line);
    }
  }
  return { blocks, loose };
}
