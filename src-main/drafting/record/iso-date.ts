import { matchKey } from '../text/fold';

// Month names and abbreviations in English, German, French and Spanish, folded (no accents, lower case).
const MONTHS: readonly (readonly string[])[] = [
  ['jan', 'january', 'januar', 'janv', 'janvier', 'ene', 'enero', 'jaenner', 'janner'],
  ['feb', 'february', 'februar', 'fev', 'fevr', 'fevrier', 'febrero'],
  ['mar', 'march', 'marz', 'maerz', 'mars', 'marzo'],
  ['apr', 'april', 'avr', 'avril', 'abr', 'abril'],
  ['may', 'mai', 'mayo'],
  ['jun', 'june', 'juni', 'juin', 'junio'],
  ['jul', 'july', 'juli', 'juil', 'juillet', 'julio'],
  ['aug', 'august', 'aout', 'ago', 'agosto'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'setiembre'],
  ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre'],
  ['nov', 'november', 'novembre', 'noviembre'],
  ['dec', 'december', 'dez', 'dezember', 'decembre', 'dic', 'diciembre'],
];

const MONTH_BY_NAME = new Map<string, number>(MONTHS.flatMap((names, index) => names.map((n) => [n, index + 1])));

const pad = (month: number): string => String(month).padStart(2, '0');

/**
 * A date as written in a CV ("Mar 2019", "März 2019", "03/2019", "2019-03", "2019") as JSON Resume's iso8601
 * (YYYY, YYYY-MM or YYYY-MM-DD); null when the text is not a date (e.g. "Present").
 */
export function isoDateOf(written: string): string | null {
  const key = matchKey(written);
  let m = /^((?:19|20)\d{2})(?: (0[1-9]|1[0-2])(?: (0[1-9]|[12]\d|3[01]))?)?$/u.exec(key);
  if (m) return [m[1], m[2], m[3]].filter((p) => p !== undefined).join('-');
  m = /^(0?[1-9]|1[0-2])[ /]((?:19|20)\d{2})$/u.exec(key);
  if (m) return `${m[2] ?? ''}-${pad(Number(m[1]))}`;
  m = /^(\p{L}+) ((?:19|20)\d{2})$/u.exec(key);
  if (m) {
    const month = MONTH_BY_NAME.get(m[1] ?? '');
    return month ? `${m[2] ?? ''}-${pad(month)}` : null;
  }
  return null;
}

/** Folded month names, for patterns that look for dates written with them. */
export const MONTH_WORDS: readonly string[] = [...MONTH_BY_NAME.keys()];
