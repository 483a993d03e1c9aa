import { isKnownSkill } from '../../skills/find-skills';
import { plainLine } from '../../text/lines';
import { containsRoleWord } from '../../text/role-words';
import type { DraftDocument } from '../draft-document';
import type { SupportIndex } from '../support-index';
import type { UnsupportedClaim } from './claim';

// A run of capitalised words ("Globex Corporation", "Bank of Åland"); the pronoun "I" and a full stop end it. At
// most 13 words: a pattern that must fail after a name ("as X at Y") would otherwise re-read a line of thousands of
// capitalised words from each of its starts.
const NAME =
  "\\p{Lu}[\\p{L}\\p{N}&'\u2019.-]*(?:(?<!\\.)\\s+(?:&\\s+)?(?:(?!I\\b)\\p{Lu}[\\p{L}\\p{N}&'\u2019.-]*|of|and|de|von|van|der)){0,12}";
const LEGAL_SUFFIX =
  /\s(?:Inc\.?|Ltd\.?|LLC|LLP|GmbH|AG|plc|PLC|ApS|A\/S|AB|BV|B\.V\.|SE|KG|S\.A\.|SAS|Pty|Corp\.?|Corporation|Holdings)$/u;

/** "worked" → "[Ww]orked": case-insensitive words without the `i` flag, which would make \p{Lu} match lower case. */
function anyCase(words: string): string {
  return words.replace(/\b([a-z])/gu, (letter) => `[${letter.toUpperCase()}${letter}]`);
}

/** Contexts that state the candidate worked somewhere: "worked at X", "joined X", "Engineer at X", "At X, I …". */
const EMPLOYMENT_CONTEXT = new RegExp(
  `\\b(?:${anyCase('work')}(?:ed|ing)?\\s+(?:at|for|with)|${anyCase('employed')}\\s+(?:at|by)|${anyCase('joined')}|${anyCase('was')}\\s+at|(?:${anyCase('role|position|job|tenure|time|stint|internship|career')})\\s+at|${anyCase('interned')}\\s+at)\\s+(?:the\\s+)?(${NAME})`,
  'gu',
);
const SENTENCE_START_AT = new RegExp(
  `(?:^|[.!?;]\\s+|,\\s+)(?:[Bb]efore that,\\s+|[Ee]arlier,\\s+|[Pp]reviously,\\s+)?[Aa]t\\s+(${NAME}),`,
  'gu',
);
const TITLE_AT = new RegExp(
  `\\b[Aa]s\\s+(?:an?\\s+|the\\s+)?(${NAME})\\s+(?:at|for|with)\\s+(?:the\\s+)?(${NAME})`,
  'gu',
);
const TITLE_CONTEXT = new RegExp(
  `\\b(?:${anyCase('work')}(?:ed|ing)?|${anyCase('served|employed|hired|promoted')})\\s+(?:as|to)\\s+(?:an?\\s+|the\\s+)?(${NAME})`,
  'gu',
);
const EMPLOYER_THEN_TITLE = new RegExp(`\\bat\\s+(?:the\\s+)?(${NAME}),?\\s+as\\s+(?:an?\\s+|the\\s+)?(${NAME})`, 'gu');
const ANY_NAME = new RegExp(NAME, 'gu');
const SENTENCE_START_WORD =
  /^(?:At|As|For|With|In|On|From|By|After|During|Before|Since|The|Dear|And|But|While|When|Then)\s+/u;

const NOT_ORGANISATIONS = new Set(['I', 'We', 'You', 'My', 'Our', 'Your', 'This', 'That', 'These', 'Present']);

function cleanName(name: string): string {
  return name
    .replace(SENTENCE_START_WORD, '')
    .replace(/['\u2019]s$/u, '')
    .replace(/(?<!\s)\s+(?:of|and|de|von|van|der)$/u, '')
    .replace(/(?<![.,])[.,]+$/u, '')
    .trim();
}

function isCandidateOrg(name: string): boolean {
  return name.length > 1 && !NOT_ORGANISATIONS.has(name) && !isKnownSkill(name);
}

/**
 * Employers and titles stated in running text (cover letters, summaries, bullets): names in
 * employment contexts, "as <Title> at <Employer>", and any name with a legal suffix (GmbH, Inc, Ltd…).
 * The target company and role may be named freely, except as a past or present employer in "as X at Y".
 */
export function unsupportedProseClaims(draft: DraftDocument, support: SupportIndex): UnsupportedClaim[] {
  const claims: UnsupportedClaim[] = [];
  const seen = new Set<string>();
  const add = (claim: UnsupportedClaim): void => {
    const key = `${claim.type}:${claim.text}`;
    if (!seen.has(key)) {
      seen.add(key);
      claims.push(claim);
    }
  };
  const checkEmployer = (raw: string, line: string): void => {
    const name = cleanName(raw);
    if (!isCandidateOrg(name) || support.supportsName(name) || support.isJobName(name)) return;
    add({ type: 'employer', text: name, line });
  };
  const checkTitle = (raw: string, line: string): void => {
    const title = cleanName(raw);
    if (!containsRoleWord(title) || support.supportsTitle(title)) return;
    add({ type: 'job title', text: title, line });
  };

  for (const rawLine of draft.lines) {
    const line = plainLine(rawLine);
    if (line.length === 0) continue;
    for (const match of line.matchAll(EMPLOYMENT_CONTEXT)) checkEmployer(match[1] ?? '', line);
    for (const match of line.matchAll(SENTENCE_START_AT)) checkEmployer(match[1] ?? '', line);
    for (const match of line.matchAll(TITLE_AT)) {
      const title = match[1] ?? '';
      const employer = cleanName(match[2] ?? '');
      // "…join you as Senior Engineer at <target company>" is about the future role.
      if (support.isJobName(employer)) continue;
      checkTitle(title, line);
      checkEmployer(employer, line);
    }
    for (const match of line.matchAll(TITLE_CONTEXT)) checkTitle(match[1] ?? '', line);
    for (const match of line.matchAll(EMPLOYER_THEN_TITLE)) {
      if (support.isJobName(cleanName(match[1] ?? ''))) continue;
      checkEmployer(match[1] ?? '', line);
      checkTitle(match[2] ?? '', line);
    }
    for (const match of line.matchAll(ANY_NAME)) {
      const name = cleanName(match[0]);
      if (name.split(/\s+/u).length >= 2 && LEGAL_SUFFIX.test(` ${name}`)) checkEmployer(name, line);
    }
  }
  return claims;
}
