import type { ExperienceEntry } from '@contract';
import { findDateRanges } from '../text/dates';
import { isBulletLine, plainLine } from '../text/lines';
import { parseRoleLine, type RoleLine } from '../text/role-line';

function entryFromRole(role: RoleLine): ExperienceEntry {
  const entry: ExperienceEntry = {
    employer: role.employer,
    title: role.title,
    start: role.start ?? '',
    end: role.hasDates ? role.end : null,
    bullets: [],
  };
  if (role.location) entry.location = role.location;
  return entry;
}

function looksLikeHeaderFragment(text: string): boolean {
  return text.length <= 80 && !/[.!?;]$/u.test(text);
}

/**
 * Reads roles from the lines of an Experience section. Handles one-line headers
 * ("Title — Employer (2019–2022)"), two-line headers ("Employer" then "Title, 2019 – 2022"),
 * a dates line under a header, and bullets or plain sentences under a role.
 */
export function parseExperienceLines(lines: string[]): ExperienceEntry[] {
  const entries: ExperienceEntry[] = [];
  let current: ExperienceEntry | null = null;
  let pending: string | null = null;

  const flushPending = (): void => {
    if (pending !== null && current) current.bullets.push(pending);
    pending = null;
  };

  for (const rawLine of lines) {
    const text = plainLine(rawLine);
    if (text.length === 0) continue;

    if (isBulletLine(rawLine)) {
      flushPending();
      current?.bullets.push(text);
      continue;
    }

    const alone = parseRoleLine(text);
    const combined = alone === null && pending !== null ? parseRoleLine(`${pending} — ${text}`) : null;
    const role = alone ?? combined;
    if (role) {
      if (combined === null) flushPending();
      pending = null;
      current = entryFromRole(role);
      entries.push(current);
      continue;
    }

    const range = findDateRanges(text)[0];
    if (range && current && current.start === '' && current.bullets.length === 0) {
      current.start = range.start;
      current.end = range.end;
      const remainder = (text.slice(0, range.index) + text.slice(range.index + range.text.length))
        .replace(/^[\s,|·•()\u2013\u2014-]+|(?<![\s,|·•()\u2013\u2014-])[\s,|·•()\u2013\u2014-]+$/gu, '')
        .trim();
      if (remainder.length > 0 && current.location === undefined) current.location = remainder;
      continue;
    }

    flushPending();
    if (looksLikeHeaderFragment(text)) {
      pending = text;
    } else {
      current?.bullets.push(text);
    }
  }
  flushPending();
  return entries;
}
