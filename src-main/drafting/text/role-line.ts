import { findDateRanges } from './dates';
import { plainLine } from './lines';
import { containsRoleWord } from './role-words';

export interface RoleLine {
  title: string;
  employer: string;
  location: string | null;
  start: string | null;
  end: string | null;
  hasDates: boolean;
}

const PRIMARY_SEPARATOR = /\s+[\u2013\u2014|@\u00B7\u2022]\s+|\s+-\s+|\s+at\s+/iu;
const CORPORATE_SUFFIX_AFTER_COMMA = /^(?:inc|ltd|llc|llp|plc|gmbh|ag|sa|s\.a\.|bv|b\.v\.|co|corp)\b/iu;

function trimSeparators(text: string): string {
  return text
    .replace(/\(\s*\)|\[\s*\]/gu, ' ')
    .replace(/^[\s,;|·•\u2013\u2014-]+|[\s,;|·•\u2013\u2014:(-]+$/gu, '')
    .replace(/\s{2,}/gu, ' ')
    .trim();
}

/** Splits "Acme GmbH, Berlin, Germany" into employer and location, keeping "Acme, Inc." whole. */
function splitEmployerLocation(text: string): { employer: string; location: string | null } {
  const parts = text.split(/,\s*/u);
  const employerParts = [parts[0] ?? ''];
  let index = 1;
  while (index < parts.length && CORPORATE_SUFFIX_AFTER_COMMA.test(parts[index] ?? '')) {
    employerParts.push(parts[index] ?? '');
    index += 1;
  }
  const rest = parts.slice(index).join(', ').trim();
  return { employer: employerParts.join(', ').trim(), location: rest.length > 0 ? rest : null };
}

const SENTENCE_WORDS = /\b(?:a|an|the|my|our|i|we|to|with|was|were|is|are)\b/iu;

/** Titles are short noun phrases; a clause such as "Led a team of five engineers" is not one. */
function looksLikeTitle(text: string): boolean {
  return text.split(/\s+/u).length <= 8 && !SENTENCE_WORDS.test(text) && !/[.!?]$/u.test(text);
}

/**
 * Reads a role header such as "Senior Engineer — Acme GmbH, Berlin (2019–2022)",
 * "Acme | Senior Engineer | 2019 - 2022" or "Engineer at Acme, Mar 2019 – Present".
 * Returns null when the line does not look like one.
 */
export function parseRoleLine(rawLine: string): RoleLine | null {
  const line = plainLine(rawLine);
  if (line.length === 0 || line.length > 200) return null;
  const range = findDateRanges(line)[0];
  const withoutDates = range ? `${line.slice(0, range.index)} ${line.slice(range.index + range.text.length)}` : line;
  const rest = trimSeparators(withoutDates);

  let parts = rest
    .split(PRIMARY_SEPARATOR)
    .map(trimSeparators)
    .filter((p) => p.length > 0);
  if (parts.length < 2) {
    parts = rest
      .split(/,\s*/u)
      .map(trimSeparators)
      .filter((p) => p.length > 0);
  }
  if (parts.length < 2) return null;

  const titleIndex = parts.findIndex(containsRoleWord);
  if (titleIndex < 0) return null;
  const title = parts[titleIndex] ?? '';
  const employerText = parts.filter((_, index) => index !== titleIndex).join(', ');
  if (!looksLikeTitle(title)) return null;
  const { employer, location } = splitEmployerLocation(employerText);
  if (employer.length === 0 || employer.split(/\s+/u).length > 8) return null;
  return {
    title,
    employer,
    location,
    start: range?.start ?? null,
    end: range ? range.end : null,
    hasDates: range !== undefined,
  };
}
