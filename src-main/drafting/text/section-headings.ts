import { matchKey } from './fold';
import { stripMarkdownMarks } from './lines';

export type RecordSectionKey =
  | 'summary'
  | 'work'
  | 'volunteer'
  | 'projects'
  | 'education'
  | 'skills'
  | 'certificates'
  | 'awards'
  | 'publications'
  | 'languages'
  | 'interests'
  | 'references'
  | 'contact'
  | 'other';

// Headings in English, German, French and Spanish, written as matchKey folds them (lower case, no accents).
const HEADINGS: Record<Exclude<RecordSectionKey, 'other'>, string[]> = {
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
    'zusammenfassung',
    'uber mich',
    'resume',
    'a propos',
    'perfil',
    'perfil profesional',
    'resumen',
    'sobre mi',
    'objetivo',
  ],
  work: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'career',
    'relevant experience',
    'experience highlights',
    'berufserfahrung',
    'berufliche erfahrung',
    'beruflicher werdegang',
    'werdegang',
    'praxiserfahrung',
    'experience professionnelle',
    'experiences professionnelles',
    'experiences',
    'parcours professionnel',
    'experiencia',
    'experiencia laboral',
    'experiencia profesional',
    'trayectoria profesional',
  ],
  volunteer: [
    'volunteer',
    'volunteering',
    'volunteer experience',
    'volunteer work',
    'community',
    'community involvement',
    'ehrenamt',
    'ehrenamtliches engagement',
    'ehrenamtliche tatigkeiten',
    'engagement',
    'benevolat',
    'engagement associatif',
    'voluntariado',
    'experiencia de voluntariado',
  ],
  projects: [
    'projects',
    'selected projects',
    'personal projects',
    'side projects',
    'key projects',
    'open source',
    'projekte',
    'projets',
    'proyectos',
  ],
  education: [
    'education',
    'education and training',
    'academic background',
    'qualifications',
    'academic qualifications',
    'ausbildung',
    'bildung',
    'bildungsweg',
    'studium',
    'formation',
    'formation academique',
    'educacion',
    'formacion',
    'formacion academica',
    'estudios',
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
    'kompetenzen',
    'it kenntnisse',
    'competences',
    'competences techniques',
    'habilidades',
    'competencias',
    'conocimientos',
  ],
  certificates: [
    'certifications',
    'certificates',
    'certification',
    'licenses',
    'licences',
    'licenses and certifications',
    'zertifikate',
    'zertifizierungen',
    'certificats',
    'certificaciones',
    'certificados',
  ],
  awards: [
    'awards',
    'honors',
    'honours',
    'awards and honors',
    'awards and honours',
    'achievements',
    'auszeichnungen',
    'preise',
    'distinctions',
    'prix',
    'premios',
    'reconocimientos',
  ],
  publications: [
    'publications',
    'papers',
    'selected publications',
    'talks and publications',
    'publikationen',
    'veroffentlichungen',
    'publicaciones',
  ],
  languages: ['languages', 'language skills', 'sprachen', 'sprachkenntnisse', 'langues', 'idiomas', 'lenguas'],
  interests: [
    'interests',
    'hobbies',
    'hobbies and interests',
    'interessen',
    'centres d interet',
    'loisirs',
    'intereses',
    'aficiones',
  ],
  references: ['references', 'referenzen', 'references professionnelles', 'referencias'],
  contact: [
    'contact',
    'contact details',
    'contact information',
    'personal details',
    'personal information',
    'kontakt',
    'personliche daten',
    'coordonnees',
    'contacto',
    'datos personales',
    'links',
    'profiles',
    'online profiles',
    'portfolio',
    'websites',
  ],
};

/** Built on first use: folding every heading's key costs start-up time in commands that never read a CV. */
let lookup: Map<string, RecordSectionKey> | null = null;
const headingLookup = (): Map<string, RecordSectionKey> =>
  (lookup ??= new Map(
    Object.entries(HEADINGS).flatMap(([key, names]) =>
      names.map((n) => [matchKey(n), key as RecordSectionKey] as const),
    ),
  ));

/** The level of a Markdown heading line (`## X` is 2), 0 when the line is not one. */
export function markdownHeadingLevel(raw: string): number {
  return /^\s{0,3}(#{1,6})\s/u.exec(raw)?.[1]?.length ?? 0;
}

/**
 * The section a non-bullet line opens, or null: a known heading (any language above), or any Markdown heading
 * ('other'). Shared by the source-CV parser and the reading of drafts, so both see the same sections.
 */
export function sectionOfHeadingLine(raw: string): RecordSectionKey | null {
  const text = stripMarkdownMarks(raw).replace(/[:：]\s*$/u, '');
  if (text.length === 0 || text.length > 48) return null;
  const known = headingLookup().get(matchKey(text));
  if (known) return known;
  return markdownHeadingLevel(raw) > 0 ? 'other' : null;
}

export interface HeadedSection<L> {
  key: RecordSectionKey;
  heading: string;
  level: number;
  lines: L[];
}

/**
 * The header (lines before the first heading) and the sections of a CV. A level-1 heading is the name. An
 * unknown heading deeper than the current section's ("### Engineer — Acme" under "## Experience") stays in it.
 */
export function splitByHeadings<L>(
  lines: readonly L[],
  rawOf: (line: L) => string,
  isBullet: (line: L) => boolean,
): { header: L[]; sections: HeadedSection<L>[] } {
  const header: L[] = [];
  const sections: HeadedSection<L>[] = [];
  let current: HeadedSection<L> | null = null;
  for (const line of lines) {
    const raw = rawOf(line);
    const key = isBullet(line) ? null : sectionOfHeadingLine(raw);
    const level = markdownHeadingLevel(raw);
    const opens = key !== null && level !== 1 && !(key === 'other' && current !== null && level > current.level);
    if (opens) {
      current = { key, heading: stripMarkdownMarks(raw), level: level === 0 ? 2 : level, lines: [] };
      sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      header.push(line);
    }
  }
  return { header, sections };
}
