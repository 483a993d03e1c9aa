import { plainLine } from '../text/lines';
import { isPlace } from '../text/places';
import { containsRoleWord } from '../text/role-words';

export interface PostingIdentity {
  title: string | null;
  company: string | null;
  location: string | null;
}

const TITLE_LABELS = 'job\\s*title|title|position|role|stelle|stellenbezeichnung|poste|intitul[ée] du poste|puesto';
const COMPANY_LABELS =
  'company|employer|hiring company|organi[sz]ation|unternehmen|firma|arbeitgeber|entreprise|soci[ée]t[ée]|employeur|empresa|compa[ñn][íi]a';
const LOCATION_LABELS =
  'location|job location|work location|place of work|based in|standort|arbeitsort|einsatzort|dienstort|ort|lieu|lieu de travail|localisation|ubicaci[oó]n|localizaci[oó]n|ciudad';
const LABEL = new RegExp(`^(${TITLE_LABELS}|${COMPANY_LABELS}|${LOCATION_LABELS})\\s*:\\s*(.+)$`, 'iu');
const TITLE_LABEL = new RegExp(`^(?:${TITLE_LABELS})$`, 'iu');
const COMPANY_LABEL = new RegExp(`^(?:${COMPANY_LABELS})$`, 'iu');

const GENDER_MARKER = /(?:(?<!\s)\s+)?\((?:m|f|w|d|x|h|all genders?)(?:\s*\/\s*(?:m|f|w|d|x|h|div))+\)\s*/giu;
/** "(Part-time)", "(100%)", "(80–100%)", "(Remote)" after a title: said elsewhere in the fields, not part of the title. */
const TITLE_TERMS =
  /(?:(?<!\s)\s+)?\((?:\d{1,3}\s*%?\s*(?:[-–]\s*\d{1,3}\s*)?%|full[\s-]?time|part[\s-]?time|vollzeit|teilzeit|temps (?:plein|partiel)|remote|hybrid|on[\s-]?site|permanent)\)/giu;
// The look-ahead finds the closing parenthesis once, so a long line of keywords without one is not re-scanned per keyword.
const WORK_MODE_SUFFIX =
  /(?:(?<!\s)\s+)?\((?=[^()]*\)\s*$)(?:[^()]*\b(?:remote|remoto|t[ée]l[ée]travail|teletrabajo|home\s?office|hybrid|hybride|h[íi]brido|on[\s-]?site|office|vor ort|presencial)\b[^()]*)\)\s*$/iu;
const GENERIC_ABOUT = /^(?:us|the (?:role|team|company|job|position)|you|this role|the opportunity)$/iu;
const HIRING = /^(.{2,60}?)\s+(?:is hiring|is looking for|sucht|recrute|busca)\b/iu;
const TITLE_AT_COMPANY = /^(.{3,80}?)\s+(?:at|@|bei|chez)\s+(.{2,60})$/iu;
/** Parts of a header line: "Title — Company — City, Country (hybrid) · Full-time". */
const SEGMENT_SEPARATOR = /(?<!\s)\s+[\u2013\u2014|\u00B7\u2022•]\s+/u;
/** A segment that only states work mode, contract, pay or a date: not a company, not a place. */
const NOT_A_NAME =
  /^(?:remote|hybrid|hybride|h[íi]brido|on[\s-]?site|in[\s-]office|full[\s-]?time|part[\s-]?time|permanent|contract|freelance|internship|vollzeit|teilzeit|cdi|cdd|temps plein|posted\b.*|apply\b.*)$|[€$£¥₹]|\d/iu;
const COMPANY_SUFFIX =
  /\b(?:GmbH|AG|SE|KG|Ltd|Limited|LLC|LLP|Inc|Corp|PLC|plc|S\.?A\.?S?|SARL|S\.?L\.?U?|S\.?p\.?A|B\.?V|N\.?V|Oy|AB|ApS|A\/S|Lda|Pty)\b\.?/u;

function clean(text: string): string {
  return text
    .replace(GENDER_MARKER, ' ')
    .replace(TITLE_TERMS, ' ')
    .replace(/\s{2,}/gu, ' ')
    .replace(/(?<![\s,;:.])[\s,;:]+$/u, '')
    .replace(/(?<=\p{L}{5,})\.$/u, '')
    .trim();
}

function cleanPlace(text: string): string {
  return clean(text.replace(WORK_MODE_SUFFIX, '')) || clean(text);
}

/** German titles are compounds ("Projektmanager", "Softwareentwicklerin") whose role word ends the word. */
const COMPOUND_TITLE =
  /(?<!\p{L})\p{L}{3,}(?:manager(?:in)?|entwickler(?:in)?|ingenieur(?:in)?|berater(?:in)?|leiter(?:in)?|architekt(?:in)?|analyst(?:in)?|administrator(?:in)?|referent(?:in)?|techniker(?:in)?|designer(?:in)?|sachbearbeiter(?:in)?|mitarbeiter(?:in)?|kaufmann|kauffrau)\b|\b(?:referent(?:in)?|sachbearbeiter(?:in)?|kaufmann|kauffrau)\b/iu;

function isTitleLike(text: string): boolean {
  return containsRoleWord(text) || COMPOUND_TITLE.test(text);
}

function looksLikeName(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 60 &&
    !/[:!?]/u.test(text) &&
    !NOT_A_NAME.test(text) &&
    !isPlace(text) &&
    !isTitleLike(text) &&
    /^[\p{Lu}\p{N}]/u.test(text)
  );
}

/** A spaced hyphen separates parts only before a place, a company or a contract term ("Engineer - Berlin"), not in "Engineer - Backend". */
function splitHyphen(segment: string): string[] {
  const at = segment.lastIndexOf(' - ');
  if (at < 0) return [segment];
  const tail = segment.slice(at + 3).trim();
  if (!isPlace(cleanPlace(tail)) && !NOT_A_NAME.test(tail) && !COMPANY_SUFFIX.test(tail)) return [segment];
  return [...splitHyphen(segment.slice(0, at)), tail];
}

function segmentsOf(line: string): string[] {
  return line
    .split(SEGMENT_SEPARATOR)
    .flatMap(splitHyphen)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function fromLabels(identity: PostingIdentity, allLines: string[]): void {
  for (const raw of allLines) {
    // The first labelled value of each wins: once all three are known, no later line changes them.
    if (identity.title !== null && identity.company !== null && identity.location !== null) return;
    const match = LABEL.exec(plainLine(raw));
    if (!match) continue;
    const label = (match[1] ?? '').trim();
    const value = match[2] ?? '';
    if (clean(value).length === 0) continue;
    if (TITLE_LABEL.test(label)) identity.title ??= clean(value);
    else if (COMPANY_LABEL.test(label)) identity.company ??= clean(value);
    else identity.location ??= cleanPlace(value);
  }
}

/** Title, company and location from labelled lines, header lines such as "Company — City (hybrid)", and "About <Company>". */
export function detectIdentity(preamble: string[], allLines: string[]): PostingIdentity {
  const identity: PostingIdentity = { title: null, company: null, location: null };
  fromLabels(identity, allLines);

  const top = preamble
    .map(plainLine)
    .filter((l) => l.length > 0 && !LABEL.test(l))
    .slice(0, 12);
  let titleIndex = -1;
  let besideTitle: string | null = null;
  top.forEach((line, index) => {
    let segments = segmentsOf(line);
    if (identity.title === null && index < 8) {
      const first = segments[0] ?? '';
      const atCompany = TITLE_AT_COMPANY.exec(first);
      if (atCompany && isTitleLike(atCompany[1] ?? '')) {
        identity.title = clean(atCompany[1] ?? '');
        const company = clean(atCompany[2] ?? '');
        if (isPlace(company)) identity.location ??= company;
        else identity.company ??= company;
        segments = segments.slice(1);
        titleIndex = index;
      } else if (isTitleLike(first) && first.length <= 90) {
        identity.title = clean(first);
        segments = segments.slice(1);
        titleIndex = index;
      }
    }
    const hiring = HIRING.exec(line);
    if (hiring) {
      identity.company ??= clean(hiring[1] ?? '');
      return;
    }
    for (const segment of segments) {
      const place = cleanPlace(segment);
      if (isPlace(place)) {
        identity.location ??= place;
        continue;
      }
      const name = clean(segment);
      if (identity.company !== null || titleIndex < 0 || !looksLikeName(name)) continue;
      // A company is the line right under the title or a name with a company form; a name beside the title
      // ("Engineer — Payments") may be a team, so it counts only when nothing better turns up.
      if (index === titleIndex + 1 || COMPANY_SUFFIX.test(name)) identity.company = name;
      else if (index === titleIndex) besideTitle ??= name;
    }
  });

  if (identity.company === null) {
    for (const raw of allLines) {
      const about = /^(?:about|über|a propos de|à propos de|sobre)\s+(.{2,60})$/iu.exec(
        plainLine(raw).replace(/[:.?]\s*$/u, ''),
      );
      const name = about ? clean(about[1] ?? '') : '';
      if (name.length > 0 && !GENERIC_ABOUT.test(name) && !/^(?:uns|nous|nosotros)$/iu.test(name)) {
        identity.company = name;
        break;
      }
    }
  }
  identity.company ??= besideTitle;
  if (identity.title === null) {
    const first = top[0];
    if (first && first.length <= 80) identity.title = clean(segmentsOf(first)[0] ?? first);
  }
  return identity;
}
