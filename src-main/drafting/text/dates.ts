// Month names and abbreviations in English, German, French and Spanish.
const MONTH =
  '(?:jan(?:uary|uar|vier|v)?|j[äa]nner|ene(?:ro)?|feb(?:ruary|ruar|rero)?|f[ée]v(?:rier|r)?|m[äa]r(?:ch|z|s|zo)?|apr(?:il)?|avr(?:il)?|abr(?:il)?|ma[iy]o?|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust)?|ao[ûu]t|ago(?:sto)?|sep(?:t(?:ember|embre|iembre)?)?|set(?:iembre)?|o[ck]t(?:ober|obre|ubre)?|nov(?:ember|embre|iembre)?|d[ée][cz](?:ember|embre)?|dic(?:iembre)?)\\.?';
const YEAR = '(?:19|20)\\d{2}';
const DATE = `(?:${MONTH}\\s+${YEAR}|${YEAR}-(?:0[1-9]|1[0-2])(?!\\d)|(?:0?[1-9]|1[0-2])[/.]${YEAR}|${YEAR})`;
const OPEN_END =
  "(?:present|current|now|today|ongoing|date|heute|jetzt|laufend|pr[ée]sent|actuel(?:lement)?|aujourd['\u2019]hui|actualidad|presente|hoy)";
const RANGE_SEPARATOR = '\\s*(?:[-\\u2010-\\u2015\\u2212]|to|until|till|bis|à|a|au|hasta)\\s*';

const RANGE = new RegExp(`(?<!\\d)(${DATE})${RANGE_SEPARATOR}(${DATE}|${OPEN_END})(?![\\p{L}\\d])`, 'giu');
const YEAR_ONLY = new RegExp(`(?<![\\d.,])(${YEAR})(?![\\d]|[.,]\\d)`, 'gu');

export interface DateRangeMatch {
  /** The matched text, as written. */
  text: string;
  index: number;
  start: string;
  /** null = open-ended ("Present"). */
  end: string | null;
  startYear: number;
  endYear: number | null;
}

export function yearOf(date: string): number | null {
  const match = /(?:19|20)\d{2}/u.exec(date);
  return match ? Number(match[0]) : null;
}

export function findDateRanges(text: string): DateRangeMatch[] {
  const ranges: DateRangeMatch[] = [];
  for (const match of text.matchAll(RANGE)) {
    const start = match[1] ?? '';
    const endText = match[2] ?? '';
    const startYear = yearOf(start);
    if (startYear === null) continue;
    const isOpen = new RegExp(`^${OPEN_END}$`, 'iu').test(endText);
    ranges.push({
      text: match[0],
      index: match.index,
      start,
      end: isOpen ? null : endText,
      startYear,
      endYear: isOpen ? null : yearOf(endText),
    });
  }
  return ranges;
}

/** Standalone four-digit years (1900–2099) that are not part of a longer number such as 40,000 or 2019.5. */
export function findYears(text: string): { year: number; index: number }[] {
  return [...text.matchAll(YEAR_ONLY)].map((m) => ({ year: Number(m[1]), index: m.index }));
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019-03" → "Mar 2019"; anything else is returned as written. */
export function formatProfileDate(date: string): string {
  const iso = /^((?:19|20)\d{2})-(0[1-9]|1[0-2])$/u.exec(date.trim());
  if (!iso) return date.trim();
  return `${MONTH_NAMES[Number(iso[2]) - 1] ?? ''} ${iso[1] ?? ''}`.trim();
}

export function formatDateRange(start: string, end: string | null): string {
  const from = formatProfileDate(start);
  const to = end === null ? 'Present' : formatProfileDate(end);
  if (from.length === 0) return end === null ? '' : to;
  return `${from} – ${to}`;
}
