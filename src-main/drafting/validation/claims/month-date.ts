/** A date to the month when the text gives one: "Apr 2021", "04/2021", "2021-04", "April 2021", "2021". */
export interface MonthDate {
  year: number;
  month: number | null;
}

const MONTH_PREFIXES: [RegExp, number][] = [
  [/^(?:jan|jän|ene)/u, 1],
  [/^(?:feb|fév|fev)/u, 2],
  [/^(?:mar|mär)/u, 3],
  [/^(?:apr|avr|abr)/u, 4],
  [/^(?:may|mai|mayo)/u, 5],
  [/^(?:jun|juin)/u, 6],
  [/^(?:jul|juil)/u, 7],
  [/^(?:aug|aoû|aou|ago)/u, 8],
  [/^(?:sep|set)/u, 9],
  [/^(?:oct|okt)/u, 10],
  [/^nov/u, 11],
  [/^(?:dec|dez|déc|dic)/u, 12],
];

export function parseMonthDate(text: string | null | undefined): MonthDate | null {
  if (!text) return null;
  const t = text.trim().toLowerCase();
  const year = /(?:19|20)\d{2}/u.exec(t);
  if (!year) return null;
  const y = Number(year[0]);
  const iso = /((?:19|20)\d{2})-(\d{1,2})/u.exec(t);
  if (iso) return { year: y, month: Number(iso[2]) };
  const slash = /(?<!\d)(\d{1,2})[/.](?:19|20)\d{2}/u.exec(t);
  if (slash) return { year: y, month: Number(slash[1]) };
  const word = /\p{L}+/u.exec(t)?.[0] ?? '';
  // "mar" is also Spanish "marzo" and French "mars": all March.
  const month = word.length >= 3 ? (MONTH_PREFIXES.find(([p]) => p.test(word))?.[1] ?? null) : null;
  return { year: y, month: /^(?:mai)$/u.test(word) ? 5 : month };
}

/** Two dates agree at the precision both give: years always, months when both state one. */
export function sameMonthDate(a: MonthDate | null, b: MonthDate | null): boolean {
  if (a === null || b === null) return a === b;
  return a.year === b.year && (a.month === null || b.month === null || a.month === b.month);
}

export function monthsBetween(start: MonthDate, end: MonthDate): number {
  return (end.year - start.year) * 12 + ((end.month ?? 1) - (start.month ?? 1));
}
