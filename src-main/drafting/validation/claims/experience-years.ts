import type { CandidateProfile } from '@contract';
import { monthsBetween, parseMonthDate } from './month-date';
import { findNumbers } from './numbers';

// "8+ years of experience", "over 8 years in", "8 yrs as", "acht Jahre Erfahrung", "5 ans d'expérience". The number
// starts at a word boundary and is short, and one optional "+" sits between the spaces: a run of letters or spaces
// is then read once, not once from each of its characters.
const YEARS_CLAIM =
  /(?<![\p{L}\d.,+])([\p{L}\d.,+]{1,24})\s*(?:\+\s*)?(?:years?|yrs|jahren?|ans|años)\b(?:\s+(?:of|in|as|at|leading|building|working|de|d['\u2019]|an|in der|im)\b[^.;\n]*)?/giu;

export interface YearsClaim {
  text: string;
  index: number;
  years: number;
}

/** Statements of years of experience: a number followed by "years" in a summary, headline or letter. */
export function findYearsClaims(line: string): YearsClaim[] {
  const claims: YearsClaim[] = [];
  for (const m of line.matchAll(YEARS_CLAIM)) {
    const value = findNumbers(m[1] ?? '')[0]?.values[0];
    if (value !== undefined) claims.push({ text: m[0].trim(), index: m.index, years: value });
  }
  return claims;
}

/** Months of work in the record (overlapping roles counted once; a current role runs to `today`). */
export function recordMonthsOfWork(profile: CandidateProfile, today: Date): number {
  const now = { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 };
  const months = new Set<number>();
  for (const entry of profile.experience) {
    const start = parseMonthDate(entry.start);
    const end = entry.end === null ? now : parseMonthDate(entry.end);
    if (!start || !end) continue;
    // A year without a month: from January of the start to December of the end year.
    const from = start.year * 12 + (start.month ?? 1) - 1;
    const span = monthsBetween(start, { year: end.year, month: end.month ?? 12 });
    for (let i = 0; i <= span; i += 1) months.add(from + i);
  }
  return months.size;
}
