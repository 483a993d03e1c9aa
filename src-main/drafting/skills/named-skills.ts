import { canonicalSkillName, isKnownSkill } from './find-skills';

/**
 * Skills the lexicon does not know, read from a posting's requirement lines: the names listed after "experience
 * with", "Kenntnisse in", "maîtrise de", "experiencia con"… or on a line that is only a list of names
 * ("Azure and Terraform"), plus spoken languages asked for ("Fluent English", "Deutschkenntnisse").
 */

/** More names than a posting's fields hold are not looked for. */
const MAX_NAMES = 60;

/** Words after which a list of tools or methods follows. */
const LIST_LEAD =
  /\b(?:with|in|using|of|such as|e\.g\.|including|like|mit|von|avec|de|des|du|d'|en|con|sur)\s+|\b(?:d|l)['’](?=\p{Lu})|:\s*/giu;
/** Separators between the names of a list. */
const LIST_SPLIT =
  /(?<!\s)\s*(?:,|;|\s\/\s|\band\/or\b|\band\b|\bor\b|\bund\b|\boder\b|\bsowie\b|\bet\b|\bou\b|\by\b|\bo\b|&)\s*/iu;
/**
 * Qualifiers that start a requirement but are no part of a name. Articles are not among them: "in der
 * Frontend-Entwicklung" names a field of work, not a product.
 */
const QUALIFIER =
  /^(?:(?:very|strong|solid|excellent|good|great|deep|proven|expert|advanced|basic|working|fluent|native|native-level|hands-on|practical|professional|some|first|sehr|(?:gut|fundiert|erst|sicher|fließend|fliessend|verhandlungssicher|ausgezeichnet|solid|tief|praktisch|mehrjährig)(?:e|es|er|en|em)?|très|bonne|excellente|solide|maîtrise|connaissance|dominio|buen|buena|sólid[oa]s?|de|des|du)\s+)+/iu;
/** Capitalised words that start sentences in requirement lines but name nothing. */
const STOPWORDS = new Set(
  [
    'experience',
    'knowledge',
    'familiarity',
    'understanding',
    'ability',
    'skills',
    'skill',
    'years',
    'year',
    'degree',
    'bachelor',
    'master',
    'phd',
    'you',
    'we',
    'our',
    'your',
    'a',
    'an',
    'the',
    'it',
    'this',
    'that',
    'strong',
    'excellent',
    'good',
    'solid',
    'proven',
    'expert',
    'fluent',
    'native',
    'hands-on',
    'published',
    'erfahrung',
    'kenntnisse',
    'mindestens',
    'sehr',
    'gute',
    'erste',
    'studium',
    'abgeschlossenes',
    'eingeschriebenes',
    'expérience',
    'connaissance',
    'connaissances',
    'maîtrise',
    'très',
    'bonne',
    'diplôme',
    'experiencia',
    'conocimientos',
    'dominio',
    'al',
    'menos',
    'se',
    'valorará',
    'título',
    'grado',
    'and',
    'or',
    'plus',
    'bonus',
    'nice',
    'ideally',
    'preferably',
    'e.g',
    'etc',
    'other',
    'similar',
    'related',
    'modern',
  ].map((w) => w.toLowerCase()),
);
/** A degree line names a field of study ("Computer Science"), not a skill. */
const DEGREE_LINE =
  /\b(?:degree|bachelor|master|phd|diploma|studium|abschluss|dipl[ôo]me|licence|t[íi]tulo|grado|licenciatura)\b/iu;

const LANGUAGES: Record<string, string[]> = {
  English: ['English', 'Englisch', 'Anglais', 'Inglés', 'Ingles'],
  German: ['German', 'Deutsch', 'Allemand', 'Alemán', 'Aleman'],
  French: ['French', 'Französisch', 'Franzosisch', 'Français', 'Francais', 'Francés', 'Frances'],
  Spanish: ['Spanish', 'Spanisch', 'Espagnol', 'Español', 'Espanol'],
  Italian: ['Italian', 'Italienisch', 'Italien', 'Italiano'],
  Dutch: ['Dutch', 'Niederländisch', 'Néerlandais', 'Neerlandés'],
  Portuguese: ['Portuguese', 'Portugiesisch', 'Portugais', 'Portugués'],
  Polish: ['Polish', 'Polnisch', 'Polonais', 'Polaco'],
};
const LANGUAGE_NAMES = Object.values(LANGUAGES).flat();
const LANGUAGE_WORD = new RegExp(
  `(?<![\\p{L}])(${LANGUAGE_NAMES.join('|')})(?:-|kenntnisse|sprachkenntnisse)?(?![\\p{L}])|(?<![\\p{L}])(${LANGUAGE_NAMES.join('|')})(?=kenntnisse|sprachkenntnisse|-\\s)`,
  'gu',
);
const LANGUAGE_COMPOUND = new RegExp(`^(?:${LANGUAGE_NAMES.join('|')})(?:-|kenntnisse|sprachkenntnisse)?$`, 'iu');
const LANGUAGE_CONTEXT =
  /\b(?:fluent|fluency|native|business|written|spoken|proficien\w*|speak\w*|level|c1|c2|b2|kenntnisse|sprach\w*|fließend|fliessend|verhandlungssicher|muttersprach\w*|courant|bilingue|technique|niveau|parl[ée]|fluido|nativo|nivel|hablado|escrito|avanzado)\b|kenntnisse/iu;

/** A word that can be part of a product or method name: capitalised, an acronym, or with a digit or dot in it. */
function isNameWord(word: string): boolean {
  if (STOPWORDS.has(word.toLowerCase())) return false;
  return /^[\p{Lu}\p{N}][\p{L}\p{N}.+#/-]*$/u.test(word) || /^\p{Ll}+[\p{Lu}][\p{L}]*$/u.test(word);
}

/** The name at the start of a list item: its leading run of name words ("PCI DSS environments" → "PCI DSS"). */
function leadingName(item: string): string | null {
  const words = item.replace(QUALIFIER, '').trim().split(/\s+/u);
  const name: string[] = [];
  for (const word of words) {
    const bare = word.replace(/(?<![()[\]"“”.,;:!?])[()[\]"“”.,;:!?]+$/u, '').replace(/^[("“[]+/u, '');
    if (!isNameWord(bare)) break;
    name.push(bare);
    if (bare !== word) break;
  }
  if (name.length === 0 || name.length > 4) return null;
  // "SC clearance", "ISTQB certification": an acronym keeps the noun that says what it is.
  const next = words[name.length]?.toLowerCase().replace(/[.,;:]$/u, '');
  if (
    next &&
    /^(?:clearance|certification|certificate|license|licence)$/u.test(next) &&
    /^\p{Lu}{2,}$/u.test(name[0] ?? '')
  ) {
    name.push(next);
  }
  const text = name.join(' ');
  if (text.length < 2 || LANGUAGE_COMPOUND.test(text)) return null;
  return text;
}

/** "Go/Python" is two names, "PL/SQL" and "CI/CD" one: a slash splits unless the whole is a known skill. */
function splitSlash(item: string): string[] {
  if (!item.includes('/') || /\s/u.test(item) || isKnownSkill(item)) return [item];
  return item.split('/');
}

function listItems(text: string): string[] {
  return text
    .split(LIST_SPLIT)
    .flatMap(splitSlash)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function namesInLine(line: string): string[] {
  if (DEGREE_LINE.test(line)) return [];
  const names: string[] = [];
  // A line that is only a list of names: "Azure and Terraform", "Snowflake, dbt et Airflow".
  const whole = listItems(line.replace(/(?<![.;:])[.;:]+$/u, ''));
  const wholeNames = whole.map(leadingName);
  if (
    whole.length > 0 &&
    wholeNames.every(
      (n, i) => n !== null && n.split(' ').length === whole[i]?.replace(QUALIFIER, '').split(/\s+/u).length,
    )
  ) {
    names.push(...(wholeNames as string[]).slice(0, MAX_NAMES));
  }
  for (const lead of line.matchAll(LIST_LEAD)) {
    if (names.length >= MAX_NAMES) break;
    // A list after a lead word is short; looking at a bounded stretch keeps a long line linear.
    const start = (lead.index ?? 0) + lead[0].length;
    const rest = line.slice(start, start + 300);
    // The list runs to the end of the clause; every item must start with a name.
    const clause = rest.split(/[;:!?()]|\.(?=\s|$)|\s[-–—]\s/u)[0] ?? '';
    for (const item of listItems(clause)) {
      const name = leadingName(item);
      if (name) names.push(name);
      else break;
    }
  }
  // Acronyms in parentheses: "Actuarial exams (ACAS/FCAS)".
  for (const group of line.matchAll(/\(([\p{Lu}\d]{2,}(?:\s*[/,]\s*[\p{Lu}\d]{2,})*)\)/gu)) {
    names.push(...listItems(group[1] ?? ''));
  }
  return names;
}

function languagesInLine(line: string): string[] {
  if (!LANGUAGE_CONTEXT.test(line) && !/\b(?:and|und|et|y)\b/iu.test(line)) return [];
  const found: string[] = [];
  for (const match of line.matchAll(LANGUAGE_WORD)) {
    const word = match[1] ?? match[2] ?? '';
    if (word && LANGUAGE_CONTEXT.test(line)) found.push(word);
  }
  return found;
}

export interface NamedSkills {
  /** Names the lexicon does not know, as written. */
  names: string[];
  /** Spoken languages, in the posting's words ("Deutsch", "English"). */
  languages: string[];
}

/** Skills named in requirement lines beyond the lexicon; known skills come back under their canonical name. */
export function namedSkills(lines: readonly string[]): NamedSkills {
  const names: string[] = [];
  const languages: string[] = [];
  for (const line of lines) {
    if (names.length >= MAX_NAMES) break;
    for (const name of namesInLine(line)) names.push(isKnownSkill(name) ? canonicalSkillName(name) : name);
    languages.push(...languagesInLine(line));
  }
  return { names: [...new Set(names)].slice(0, MAX_NAMES), languages: [...new Set(languages)] };
}
