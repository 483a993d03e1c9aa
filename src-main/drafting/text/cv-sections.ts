import { matchKey } from './fold';
import { isBulletLine, splitLines, stripMarkdownMarks } from './lines';

export type CvSectionKey =
  'summary' | 'experience' | 'education' | 'skills' | 'certifications' | 'languages' | 'links' | 'contact' | 'other';

const HEADINGS: Record<Exclude<CvSectionKey, 'other'>, string[]> = {
  summary: [
    'summary',
    'professional summary',
    'profile',
    'professional profile',
    'about me',
    'about',
    'objective',
    'career objective',
    'personal statement',
    'overview',
    'kurzprofil',
    'profil',
  ],
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'career',
    'relevant experience',
    'berufserfahrung',
    'experience professionnelle',
    'experiencia',
    'experiencia laboral',
  ],
  education: [
    'education',
    'education and training',
    'academic background',
    'qualifications',
    'academic qualifications',
    'ausbildung',
    'bildung',
    'formation',
    'educacion',
    'formacion',
  ],
  skills: [
    'skills',
    'technical skills',
    'core skills',
    'key skills',
    'skills and tools',
    'tools and technologies',
    'technologies',
    'competencies',
    'core competencies',
    'expertise',
    'kenntnisse',
    'fahigkeiten',
    'competences',
    'habilidades',
  ],
  certifications: [
    'certifications',
    'certificates',
    'certification',
    'licenses',
    'licences',
    'licenses and certifications',
    'zertifikate',
    'zertifizierungen',
  ],
  languages: ['languages', 'language skills', 'sprachen', 'langues', 'idiomas'],
  links: ['links', 'profiles', 'online profiles', 'portfolio', 'websites'],
  contact: ['contact', 'contact details', 'contact information', 'personal details', 'personal information', 'kontakt'],
};

const HEADING_LOOKUP = new Map<string, CvSectionKey>(
  Object.entries(HEADINGS).flatMap(([key, names]) =>
    names.map((name) => [matchKey(name), key as CvSectionKey] as const),
  ),
);

/** The section a heading line opens, or null when the line is not a known heading. */
export function sectionOfHeading(line: string): CvSectionKey | null {
  if (isBulletLine(line)) return null;
  const isMarkdownHeading = /^\s{0,3}#{1,6}\s/u.test(line);
  const text = stripMarkdownMarks(line).replace(/:\s*$/u, '');
  if (text.length === 0 || text.length > 48) return null;
  const key = matchKey(text);
  const known = HEADING_LOOKUP.get(key);
  if (known) return known;
  return isMarkdownHeading ? 'other' : null;
}

export interface CvSection {
  key: CvSectionKey;
  heading: string;
  lines: string[];
}

function headingLevel(line: string): number {
  const hashes = /^\s{0,3}(#{1,6})\s/u.exec(line)?.[1];
  return hashes ? hashes.length : 0;
}

/**
 * Splits text into the part before the first heading (the header) and its sections. An unknown
 * heading deeper than the current section's ("### Engineer — Acme" under "## Experience") stays
 * inside that section.
 */
export function splitCvSections(text: string): { header: string[]; sections: CvSection[] } {
  const header: string[] = [];
  const sections: CvSection[] = [];
  let current: (CvSection & { level: number }) | null = null;
  for (const line of splitLines(text)) {
    const key = sectionOfHeading(line);
    const level = headingLevel(line);
    // A level-1 heading is the document title (the name), never a section.
    const opensSection = key !== null && level !== 1 && !(key === 'other' && current !== null && level > current.level);
    if (opensSection) {
      current = { key, heading: stripMarkdownMarks(line), lines: [], level: level === 0 ? 2 : level };
      sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      header.push(line);
    }
  }
  return { header, sections: sections.map(({ key, heading, lines }) => ({ key, heading, lines })) };
}
