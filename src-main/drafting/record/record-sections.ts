import {
  sectionOfHeadingLine,
  splitByHeadings,
  type HeadedSection,
  type RecordSectionKey,
} from '../text/section-headings';
import type { SourceLine } from './source-lines';

export type { RecordSectionKey } from '../text/section-headings';

export type RecordSection = HeadedSection<SourceLine>;

/** The section a line opens, or null: a known heading, or any Markdown heading ('other'). */
export function recordSectionOf(line: SourceLine): RecordSectionKey | null {
  return line.isBullet ? null : sectionOfHeadingLine(line.raw);
}

/** The header and the sections of a CV's source lines (see splitByHeadings). */
export function splitRecordSections(lines: SourceLine[]): { header: SourceLine[]; sections: RecordSection[] } {
  return splitByHeadings(
    lines,
    (line) => line.raw,
    (line) => line.isBullet,
  );
}
