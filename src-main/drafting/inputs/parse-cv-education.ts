import type { EducationEntry } from '@contract';
import { findDateRanges, findYears } from '../text/dates';
import { findDegrees } from '../text/degrees';
import { plainLine } from '../text/lines';
import { findSchoolNames } from '../text/schools';

interface PendingEducation {
  school: string | null;
  degree: string;
  field?: string;
  start?: string;
  end?: string;
}

function datesOf(text: string): { start?: string; end?: string } {
  const range = findDateRanges(text)[0];
  if (range) return range.end === null ? { start: range.start } : { start: range.start, end: range.end };
  const years = findYears(text).map((y) => String(y.year));
  if (years.length >= 2) return { start: years[0] ?? '', end: years[1] ?? '' };
  if (years.length === 1) return { end: years[0] ?? '' };
  return {};
}

// Spaces before a year or separator are matched only from where they start (`(?<!\s)\s+`), so a long run of spaces is
// not re-read from each of its positions.
function withoutDates(text: string): string {
  return text
    .replace(/(?:\(\s*|(?<!\s)\s+|)(?:19|20)\d{2}(?:\s*[-\u2013\u2014]\s*(?:(?:19|20)\d{2}|present))?\s*\)?/giu, ' ')
    .trim();
}

/** The separator-delimited part of a line that is not the degree, used as the school when no institution word is present. */
function otherPart(text: string, degreeText: string): string | null {
  const parts = withoutDates(text)
    .split(/(?<!\s)\s+[\u2013\u2014|@\u00B7,]\s+|(?<!\s)\s+-\s+|,\s+/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !p.includes(degreeText));
  return parts[0] ?? null;
}

/** Reads degrees and schools from an Education section, one entry a line or a two-line pair. */
export function parseEducationLines(lines: string[]): EducationEntry[] {
  const partials: PendingEducation[] = [];
  for (const rawLine of lines) {
    const text = plainLine(rawLine);
    if (text.length === 0) continue;
    const degree = findDegrees(text)[0];
    const school = findSchoolNames(text)[0]?.name ?? null;
    const dates = datesOf(text);
    const last = partials[partials.length - 1];

    if (!degree && !school) {
      if (last && last.start === undefined && last.end === undefined && (dates.start || dates.end))
        Object.assign(last, dates);
      continue;
    }
    // A line that completes the previous one: "University of X" then "MSc Physics, 2012".
    if (last && ((last.school === null && school && !degree) || (last.degree === '' && degree && !school))) {
      if (school) last.school = school;
      if (degree) {
        last.degree = degree.degreeText;
        if (degree.field) last.field = degree.field;
      }
      if (last.start === undefined && last.end === undefined) Object.assign(last, dates);
      continue;
    }
    const entry: PendingEducation = {
      school: school ?? (degree ? otherPart(text, degree.text) : null),
      degree: degree?.degreeText ?? '',
      ...dates,
    };
    if (degree?.field) entry.field = degree.field;
    partials.push(entry);
  }
  return partials
    .filter((p): p is PendingEducation & { school: string } => p.school !== null && p.school.length > 0)
    .map(({ school, degree, field, start, end }) => ({
      school,
      degree,
      ...(field !== undefined ? { field } : {}),
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
    }));
}
