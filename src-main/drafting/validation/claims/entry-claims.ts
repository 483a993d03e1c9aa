import type { CandidateProfile, ExperienceEntry } from '@contract';
import { parseExperienceLines } from '../../inputs/parse-cv-experience';
import { findDateRanges } from '../../text/dates';
import { containsKey } from '../../text/fold';
import { isBulletLine, plainLine, stripBullet } from '../../text/lines';
import type { DraftDocument } from '../draft-document';
import { titleKey } from '../support-index';
import { BulletOverlap, bulletWords } from './bullet-overlap';
import type { EmployerLookup } from './employer-lookup';
import type { UnsupportedClaim } from './claim';
import { sameMonthDate, parseMonthDate } from './month-date';
import { findNumbers, isSupportedNumber, numberValues } from './numbers';

/** Sections whose lines may hold roles ("### Title — Employer", dates, bullets). */
const ENTRY_SECTIONS = new Set(['experience', 'other']);

export function entryText(entry: ExperienceEntry): string {
  return [entry.title, entry.employer, entry.location ?? '', ...entry.bullets].join('\n');
}

/** The draft may shorten the record's title ("Senior Engineer" → "Engineer") but not add to it ("Lead Engineer"). */
function titleWithin(recordTitle: string, draftTitle: string): boolean {
  const held = titleKey(recordTitle);
  const stated = titleKey(draftTitle);
  return held === stated || containsKey(held, stated);
}

const HEADING = /^\s{0,3}(?:#{3,6}\s+(.+?)\s*#*|\*\*(.+?)\*\*)\s*$/u;
const SEPARATOR = /\s+[—–-]\s+|\s*\|\s*|,\s+|\s+(?:at|bei|chez|en)\s+/u;

/**
 * "### Title — Employer" (either order) where one side is an employer of the record, whatever the title's words. A
 * date range in the heading is the role's dates; parts after the employer and the title are its place ("Berlin,
 * Germany"), which is not a claim checked here.
 */
function headingRole(line: string, employers: EmployerLookup): ExperienceEntry | null {
  const m = HEADING.exec(line);
  const text = (m?.[1] ?? m?.[2] ?? '').trim();
  if (text.length === 0) return null;
  const range = findDateRanges(text)[0];
  const undated = range ? `${text.slice(0, range.index)} ${text.slice(range.index + range.text.length)}` : text;
  const parts = undated
    .replace(/\(\s*\)|\[\s*\]/gu, ' ')
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length < 2) return null;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    if (employers.entriesFor(part).length === 0) continue;
    const title = i > 0 ? parts.slice(0, i).join(' — ') : (parts[1] ?? '');
    return { employer: part, title, start: range?.start ?? '', end: range ? range.end : null, bullets: [] };
  }
  return null;
}

/** A section's roles: headings naming a record employer, else what the CV parser reads as roles. */
function sectionEntries(lines: readonly string[], employers: EmployerLookup): ExperienceEntry[] {
  const entries: ExperienceEntry[] = [];
  let current: ExperienceEntry | null = null;
  for (const raw of lines) {
    const role = headingRole(raw, employers);
    if (role) {
      current = role;
      entries.push(role);
      continue;
    }
    if (/^\s{0,3}#{3,6}\s/u.test(raw)) {
      current = null;
      continue;
    }
    if (!current) continue;
    const text = plainLine(raw);
    if (text.length === 0) continue;
    const range = findDateRanges(text)[0];
    if (range && current.start === '' && current.bullets.length === 0 && !isBulletLine(raw)) {
      current.start = range.start;
      current.end = range.end;
      continue;
    }
    current.bullets.push(isBulletLine(raw) ? stripBullet(text) : text);
  }
  return entries.length > 0 ? entries : parseExperienceLines([...lines]);
}

const ENTRIES = new WeakMap<DraftDocument, WeakMap<EmployerLookup, ExperienceEntry[]>>();

/** The draft's roles, each with its dates and bullets as written under it. */
export function draftEntries(draft: DraftDocument, employers: EmployerLookup): ExperienceEntry[] {
  // Several checks read the same draft's entries; parsing them once keeps a long draft's validation linear in size.
  const cached = ENTRIES.get(draft)?.get(employers);
  if (cached) return cached;
  const entries = draft.sections
    .filter((s) => ENTRY_SECTIONS.has(s.key))
    .flatMap((s) => sectionEntries(s.lines, employers));
  ENTRIES.set(draft, (ENTRIES.get(draft) ?? new WeakMap()).set(employers, entries));
  return entries;
}

/**
 * Each role the draft states is checked against the record's entry for that employer: the title held there, its
 * dates to the month, every number in its bullets (within that entry, not the whole record), and that each bullet
 * reads like one of that entry's bullets rather than another employer's.
 */
export function unsupportedEntryClaims(
  draft: DraftDocument,
  profile: CandidateProfile,
  employers: EmployerLookup,
): UnsupportedClaim[] {
  const claims: UnsupportedClaim[] = [];
  const overlap = new BulletOverlap(profile.experience);
  for (const role of draftEntries(draft, employers)) {
    const own = employers.entriesFor(role.employer);
    if (own.length === 0) continue; // an unknown employer is reported by the role check
    const heading = `${role.title} — ${role.employer}`;
    const matching = own.filter((e) => titleWithin(e.title, role.title));
    if (matching.length === 0) {
      claims.push({ type: 'job title', text: `${role.title} at ${role.employer}`, line: heading });
    }
    const candidates = matching.length > 0 ? matching : own;
    const start = parseMonthDate(role.start);
    if (start && !candidates.some((e) => sameMonthDate(start, parseMonthDate(e.start)))) {
      claims.push({ type: 'date', text: `${role.start} (start at ${role.employer})`, line: heading });
    }
    const end = parseMonthDate(role.end);
    const endOk =
      role.end === null
        ? candidates.some((e) => e.end === null) || role.start === ''
        : end === null || candidates.some((e) => e.end !== null && sameMonthDate(end, parseMonthDate(e.end)));
    if (!endOk)
      claims.push({ type: 'date', text: `${role.end ?? 'Present'} (end at ${role.employer})`, line: heading });

    const supported = numberValues(own.map(entryText).join('\n'));
    for (const bullet of role.bullets) {
      for (const n of findNumbers(bullet)) {
        if (!isSupportedNumber(n, supported)) {
          claims.push({ type: 'number', text: `${n.text} (not in the entry for ${role.employer})`, line: bullet });
        }
      }
      const { mine, theirs } = overlap.best(bulletWords(bullet), own);
      if (theirs >= 0.6 && theirs > mine + 0.2) {
        claims.push({
          type: 'moved bullet',
          text: `under ${role.employer}, but the record has it elsewhere`,
          line: bullet,
        });
      }
    }
  }
  return claims;
}
