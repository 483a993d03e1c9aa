import { isBulletLine, splitLines } from './lines';
import { splitByHeadings, type RecordSectionKey } from './section-headings';

export type CvSectionKey =
  'summary' | 'experience' | 'education' | 'skills' | 'certifications' | 'languages' | 'contact' | 'other';

// A draft is read with the same headings as a source CV; the draft checks only tell these sections apart.
const CV_KEY: Partial<Record<RecordSectionKey, CvSectionKey>> = {
  summary: 'summary',
  work: 'experience',
  education: 'education',
  skills: 'skills',
  certificates: 'certifications',
  languages: 'languages',
  contact: 'contact',
};

const cvKeyOf = (key: RecordSectionKey): CvSectionKey => CV_KEY[key] ?? 'other';

export interface CvSection {
  key: CvSectionKey;
  heading: string;
  lines: string[];
}

/** Splits text into the part before the first heading (the header) and its sections (see splitByHeadings). */
export function splitCvSections(text: string): { header: string[]; sections: CvSection[] } {
  const { header, sections } = splitByHeadings(splitLines(text), (line) => line, isBulletLine);
  return { header, sections: sections.map(({ key, heading, lines }) => ({ key: cvKeyOf(key), heading, lines })) };
}
