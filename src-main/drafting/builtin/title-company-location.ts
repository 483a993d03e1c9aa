import { plainLine } from '../text/lines';
import { containsRoleWord } from '../text/role-words';

export interface PostingIdentity {
  title: string | null;
  company: string | null;
  location: string | null;
}

const LABEL =
  /^(job\s*title|title|position|role|company|employer|organi[sz]ation|location|job\s*location|place of work|standort|arbeitsort|lieu|ubicaci[oó]n)\s*:\s*(.+)$/iu;
const GENDER_MARKER = /(?:(?<!\s)\s+)?\((?:m|f|w|d|x|h|all genders?)(?:\s*\/\s*(?:m|f|w|d|x|h|div))+\)\s*/giu;
// The look-ahead finds the closing parenthesis once, so a long line of keywords without one is not re-scanned per keyword.
const WORK_MODE_SUFFIX =
  /(?:(?<!\s)\s+)?\((?=[^()]*\)\s*$)(?:[^()]*\b(?:remote|hybrid|on[\s-]?site|office)\b[^()]*)\)\s*$/iu;
const GENERIC_ABOUT = /^(?:us|the (?:role|team|company|job|position)|you|this role)$/iu;
const HIRING = /^(.{2,60}?)\s+(?:is hiring|is looking for|sucht|recrute)\b/iu;
const TITLE_AT_COMPANY = /^(.{3,80}?)\s+(?:at|@|bei|chez)\s+(.{2,60})$/iu;
const SEPARATED = /^(.{2,80}?)\s+[\u2013\u2014|\u00B7]\s+(.{2,80})$/u;

function clean(text: string): string {
  return text
    .replace(GENDER_MARKER, ' ')
    .replace(/\s{2,}/gu, ' ')
    .replace(/(?<![\s,;:.])[\s,;:.]+$/u, '')
    .trim();
}

function isPlace(text: string): boolean {
  return /^\p{Lu}[\p{L} .'-]+(?:,\s*\p{Lu}[\p{L} .'-]+)+$/u.test(text) || /\bremote\b/iu.test(text);
}

function looksLikeName(line: string): boolean {
  return (
    line.length <= 60 &&
    !/[:\d.!?·|]/u.test(line) &&
    !isPlace(line) &&
    !containsRoleWord(line) &&
    !/\b(?:full|part)[\s-]?time\b/iu.test(line)
  );
}

/** Title, company and location from labelled lines, "About <Company>" headings and the first lines of a posting. */
export function detectIdentity(preamble: string[], allLines: string[]): PostingIdentity {
  const identity: PostingIdentity = { title: null, company: null, location: null };
  for (const raw of allLines) {
    const match = LABEL.exec(plainLine(raw));
    if (!match) continue;
    const label = (match[1] ?? '').toLowerCase();
    const value = clean(match[2] ?? '');
    if (value.length === 0) continue;
    if (/title|position|role/u.test(label)) identity.title ??= value;
    else if (/company|employer|organi/u.test(label)) identity.company ??= value;
    else identity.location ??= value.replace(WORK_MODE_SUFFIX, '').trim() || value;
  }

  const top = preamble
    .map(plainLine)
    .filter((l) => l.length > 0 && !LABEL.test(l))
    .slice(0, 6);
  let titleIndex = -1;
  top.forEach((line, index) => {
    if (identity.title === null) {
      const atCompany = TITLE_AT_COMPANY.exec(line);
      if (atCompany && containsRoleWord(atCompany[1] ?? '')) {
        identity.title = clean(atCompany[1] ?? '');
        identity.company ??= clean(atCompany[2] ?? '');
        titleIndex = index;
        return;
      }
      const separated = SEPARATED.exec(line);
      if (separated && containsRoleWord(separated[1] ?? '')) {
        identity.title = clean(separated[1] ?? '');
        const other = clean(separated[2] ?? '');
        if (isPlace(other)) identity.location ??= other;
        else identity.company ??= other;
        titleIndex = index;
        return;
      }
      if (containsRoleWord(line) && line.length <= 90) {
        identity.title = clean(line);
        titleIndex = index;
        return;
      }
    }
    if (identity.company !== null) return;
    const hiring = HIRING.exec(line);
    const separated = SEPARATED.exec(line);
    if (hiring) {
      identity.company = clean(hiring[1] ?? '');
    } else if (separated && isPlace(clean(separated[2] ?? ''))) {
      identity.company = clean(separated[1] ?? '');
      identity.location ??= clean(separated[2] ?? '');
    } else if (index === titleIndex + 1 && titleIndex >= 0 && looksLikeName(line)) {
      // The line right under the title is usually the company.
      identity.company = clean(line);
    }
  });

  if (identity.company === null) {
    for (const raw of allLines) {
      const about = /^about\s+(.{2,60})$/iu.exec(plainLine(raw).replace(/[:.]\s*$/u, ''));
      const name = about ? clean(about[1] ?? '') : '';
      if (name.length > 0 && !GENERIC_ABOUT.test(name)) {
        identity.company = name;
        break;
      }
    }
  }
  if (identity.title === null) {
    const first = top[0];
    if (first && first.length <= 80) identity.title = clean(first);
  }
  return identity;
}
