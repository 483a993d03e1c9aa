import { matchKey } from '../text/fold';
import { isBulletLine, plainLine, splitLines } from '../text/lines';

export type PostingSectionKey = 'responsibilities' | 'requirements' | 'niceToHave' | 'benefits' | 'about' | 'other';

const HEADINGS: Record<Exclude<PostingSectionKey, 'other'>, string[]> = {
  responsibilities: [
    'responsibilities',
    'key responsibilities',
    'your responsibilities',
    'what you will do',
    "what you'll do",
    'what you will be doing',
    "what you'll be doing",
    'your role',
    'the role',
    'role',
    'duties',
    'your tasks',
    'tasks',
    'your mission',
    'missions',
    'day to day',
    'in this role you will',
    'aufgaben',
    'ihre aufgaben',
    'deine aufgaben',
    'vos missions',
    'responsabilidades',
    'taken',
    'jouw taken',
    'tes missions',
    'missions principales',
    'description du poste',
    'le poste',
    'das erwartet dich',
    'das erwartet sie',
    'deine rolle',
    'ihre rolle',
    'funciones',
    'tus funciones',
    'qué harás',
    'lo que harás',
    'the job',
    'the opportunity',
    'what the job involves',
  ],
  requirements: [
    'requirements',
    'must have',
    'must haves',
    'must-have',
    'must-haves',
    'required',
    'required skills',
    'required qualifications',
    'qualifications',
    'minimum qualifications',
    'basic qualifications',
    'what you bring',
    "what you'll bring",
    'what we are looking for',
    "what we're looking for",
    'who you are',
    'about you',
    'your profile',
    'you have',
    'skills',
    'skills and experience',
    'experience',
    'ihr profil',
    'dein profil',
    'profil',
    'anforderungen',
    'votre profil',
    'requisitos',
    'profiel',
    'wat vragen wij',
    'essential skills',
    'essential',
    'essential requirements',
    'key skills',
    'key requirements',
    'what you need',
    'what you will need',
    "what you'll need",
    'you will need',
    'required experience',
    'the ideal candidate',
    'ideal candidate',
    'your skills',
    'what we expect',
    'was du mitbringst',
    'das bringst du mit',
    'was sie mitbringen',
    'das bringen sie mit',
    'ihre qualifikationen',
    'deine qualifikationen',
    'qualifikationen',
    'anforderungsprofil',
    'was wir erwarten',
    'profil recherché',
    'compétences requises',
    'compétences',
    'qualifications requises',
    'ce que nous recherchons',
    'requisitos mínimos',
    'lo que buscamos',
    'perfil',
    'tu perfil',
    'perfil buscado',
  ],
  niceToHave: [
    'nice to have',
    'nice-to-have',
    'nice to haves',
    'bonus',
    'bonus points',
    'preferred',
    'preferred qualifications',
    'preferred skills',
    'pluses',
    'plus',
    'desirable',
    'would be a plus',
    "it's a plus if",
    'even better',
    'wunschenswert',
    'von vorteil',
    'atouts',
    'les plus',
    'un plus',
    'se valorará',
    'valorable',
    'deseable',
    'plus points',
    'bonus skills',
    'idealerweise',
    'ein plus',
    'pluspunkte',
  ],
  benefits: [
    'benefits',
    'what we offer',
    'we offer',
    'perks',
    'perks and benefits',
    'why join us',
    'why us',
    'what you get',
    'compensation and benefits',
    'wir bieten',
    'was wir bieten',
    'unser angebot',
    'nous offrons',
    'ofrecemos',
    'qué ofrecemos',
    'lo que ofrecemos',
    'beneficios',
    'avantages',
    'ce que nous offrons',
    'das bieten wir',
    'was wir dir bieten',
    'was wir ihnen bieten',
    'salary and benefits',
    'compensation',
    'our offer',
    "what's in it for you",
  ],
  about: [
    'about us',
    'about the company',
    'who we are',
    'the company',
    'company',
    'uber uns',
    'a propos',
    'qui sommes-nous',
    'sobre nosotros',
    'quiénes somos',
    'wer wir sind',
    "l'entreprise",
    'la empresa',
    'about the job',
    'über das unternehmen',
  ],
};

/** Headings of a job board's page around the posting: what follows them is not part of the posting. */
const PAGE_BOILERPLATE = [
  'similar jobs',
  'related jobs',
  'more jobs',
  'recommended jobs',
  'jobs you might like',
  'you might also like',
  'share this job',
  'people also viewed',
  'ähnliche jobs',
  'ähnliche stellen',
  'weitere jobs',
  'offres similaires',
  'empleos similares',
  'ofertas similares',
];

// Folded on first use, not at module load (every command's start-up).
let lookup: Map<string, PostingSectionKey> | null = null;
const headingLookup = (): Map<string, PostingSectionKey> =>
  (lookup ??= new Map<string, PostingSectionKey>([
    ...Object.entries(HEADINGS).flatMap(([key, names]) =>
      names.map((n) => [matchKey(n), key as PostingSectionKey] as const),
    ),
    ...PAGE_BOILERPLATE.map((n) => [matchKey(n), 'other'] as const),
  ]));

/** The section a heading opens, or null. "About Acme" counts as an About heading. */
export function postingHeading(line: string): PostingSectionKey | null {
  if (isBulletLine(line)) return null;
  const text = plainLine(line).replace(/[:.]\s*$/u, '');
  if (text.length === 0 || text.length > 60) return null;
  const key = matchKey(text);
  const known = headingLookup().get(key);
  if (known) return known;
  if (/^about\s+\S/u.test(key) && text.split(/\s+/u).length <= 6) return 'about';
  return null;
}

export interface PostingSection {
  key: PostingSectionKey;
  heading: string;
  lines: string[];
}

export function splitPostingSections(text: string): { preamble: string[]; sections: PostingSection[] } {
  const preamble: string[] = [];
  const sections: PostingSection[] = [];
  let current: PostingSection | null = null;
  for (const line of splitLines(text)) {
    const key = postingHeading(line);
    if (key) {
      current = { key, heading: plainLine(line).replace(/[:.]\s*$/u, ''), lines: [] };
      sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, sections };
}
