const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = '(?:19|20)\\d{2}';
const DATE = `(?:${MONTH}\\s+${YEAR}|${YEAR}-(?:0[1-9]|1[0-2])(?!\\d)|(?:0?[1-9]|1[0-2])[/.]${YEAR}|${YEAR})`;
const OPEN_END = '(?:present|current|now|today|ongoing|heute|date)';
const RANGE_SEPARATOR = '\\s*(?:[-\\u2010-\\u2015\\u2212]|to|until|till|bis)\\s*';

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
