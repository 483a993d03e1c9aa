import type { SourceRef } from '@contract';
import { findDateRanges, findYears } from '../text/dates';
import { containsRoleWord } from '../text/role-words';
import { isoDateOf } from './iso-date';
import type { SourceLine } from './source-lines';

/** A piece of a header line between separators, with the line it came from. */
export interface Segment {
  text: string;
  ref: SourceRef;
  /** Bold or a heading in the source. */
  emphasised: boolean;
}

export interface HeaderDates {
  start?: string;
  end?: string;
  /** The dates as written, e.g. "Mar 2019 – Present". */
  written: string;
  ref: SourceRef;
  /** "Present", "heute", …: the entry is still going on. */
  open: boolean;
}

const SEPARATOR = /\s+[\u2013\u2014|@\u00B7\u2022]\s+|\s+-\s+|\s+(?:at|bei|chez)\s+|\s*\|\s*|\t+|\s{3,}/iu;
const CORPORATE_SUFFIX = /^(?:inc|ltd|llc|llp|plc|gmbh|ag|sa|s\.a\.|bv|b\.v\.|co|corp|kg|se|sl|s\.l\.|sarl|sas)\.?$/iu;
const MAX_SPLIT = 400;
const LEADING_BOLD = /^\s*(?:[-*+]\s+)?(?:\*\*|__)(.+?)(?:\*\*|__)(.*)$/u;

function tidy(text: string): string {
  return (
    text
      .replace(/\(\s*\)|\[\s*\]/gu, ' ')
      // The look-behind starts a trailing run only where it starts: without it a long run is re-read from each position.
      .replace(/^[\s,;:|·•\u2013\u2014-]+|(?<![\s,;:|·•\u2013\u2014(-])[\s,;:|·•\u2013\u2014(-]+$/gu, '')
      .replace(/[#*_`]/gu, '')
      .replace(/(?<!\s)\s{2,}/gu, ' ')
      .trim()
  );
}

/** Splits on commas, keeping "Acme, Inc." together. */
function splitCommas(text: string): string[] {
  const parts: string[] = [];
  for (const part of text.split(/,\s+/u)) {
    const last = parts[parts.length - 1];
    if (last !== undefined && CORPORATE_SUFFIX.test(part.trim())) parts[parts.length - 1] = `${last}, ${part}`;
    else parts.push(part);
  }
  return parts;
}

function datesIn(line: SourceLine): { dates: HeaderDates | null; rest: string } {
  const range = findDateRanges(line.text)[0];
  if (range) {
    const start = isoDateOf(range.start) ?? undefined;
    const end = range.end === null ? undefined : (isoDateOf(range.end) ?? undefined);
    const rest = `${line.text.slice(0, range.index)} ${line.text.slice(range.index + range.text.length)}`;
    return { dates: { start, end, written: range.text, ref: line.ref, open: range.end === null }, rest };
  }
  // A single date ("June 2021", "2019") on a header line: when the entry ended (or the award was given).
  const single = /(?:\b\p{L}{3,10}\.?\s+)?(?<![\d.,])(?:19|20)\d{2}(?![\d]|[.,]\d)/u.exec(line.text);
  if (single && findYears(line.text).length === 1) {
    const iso = isoDateOf(single[0]) ?? isoDateOf(single[0].replace(/^\S+\s+/u, ''));
    if (iso) {
      const rest = `${line.text.slice(0, single.index)} ${line.text.slice(single.index + single[0].length)}`;
      return { dates: { end: iso, written: single[0].trim(), ref: line.ref, open: false }, rest };
    }
  }
  return { dates: null, rest: line.text };
}

/** The dates and the other pieces (title, organisation, place) of an entry's header lines, in source order. */
export function readHeader(lines: SourceLine[]): { segments: Segment[]; dates: HeaderDates | null } {
  const segments: Segment[] = [];
  let dates: HeaderDates | null = null;
  for (const line of lines) {
    const found = datesIn(line);
    if (found.dates && dates === null) dates = found.dates;
    const rest = found.dates ? found.rest : line.text;
    const bold = LEADING_BOLD.exec(line.raw);
    const pieces: { text: string; emphasised: boolean }[] = [];
    const boldText = bold ? tidy(bold[1] ?? '') : '';
    if (bold && boldText.length > 0 && rest.startsWith(boldText) && tidy(rest.slice(boldText.length)).length > 0) {
      // "**Title**, Employer — City": the bold part is one piece whatever punctuation it holds.
      pieces.push({ text: boldText, emphasised: true });
      pieces.push({ text: rest.slice(boldText.length), emphasised: false });
    } else {
      pieces.push({ text: rest, emphasised: line.isEmphasised });
    }
    pieces.forEach((piece, index) => {
      const alreadyOne = index === 0 && pieces.length > 1;
      // A header is short; a line of thousands of characters is one piece (splitting it would cost quadratic time).
      const whole = alreadyOne || piece.text.length > MAX_SPLIT;
      const parts = whole ? [piece.text] : piece.text.split(SEPARATOR).flatMap(splitCommas);
      for (const part of parts) {
        const text = tidy(part);
        if (text.length > 0) segments.push({ text, ref: line.ref, emphasised: piece.emphasised });
      }
    });
  }
  return { segments, dates };
}

const SENTENCE_WORDS = /\b(?:a|an|the|my|our|i|we|to|with|was|were|is|are)\b/iu;

export function looksLikeTitle(text: string): boolean {
  return containsRoleWord(text) && text.split(/\s+/u).length <= 8 && !SENTENCE_WORDS.test(text);
}

/** Which comes first on a CV's header lines; a CV keeps one order, so an entry whose title names no role word follows its siblings. */
export type RoleOrder = 'title-first' | 'organisation-first';

/** The order a header shows, when a role word settles it. */
export function roleOrderOf(segments: Segment[]): RoleOrder | null {
  const titleIndex = segments.findIndex((s) => looksLikeTitle(s.text));
  if (titleIndex < 0 || segments.length < 2) return null;
  return titleIndex === 0 ? 'title-first' : 'organisation-first';
}

/**
 * Title, organisation and place from a header's segments: the title is the first segment that names a role;
 * the organisation is the first other segment; what follows the organisation is the place. Without a role word
 * the order of the CV's other entries decides (else "Title — Organisation", the common order).
 */
export function assignRoles(
  segments: Segment[],
  order: RoleOrder = 'title-first',
): { title?: Segment; organisation?: Segment; place?: Segment } {
  if (segments.length === 0) return {};
  let titleIndex = segments.findIndex((s) => looksLikeTitle(s.text));
  if (titleIndex < 0 && segments.length >= 2) titleIndex = order === 'organisation-first' ? 1 : 0;
  const title = titleIndex >= 0 ? segments[titleIndex] : undefined;
  const others = segments.filter((_, i) => i !== titleIndex);
  const organisation = others[0];
  const placeParts = others.slice(1);
  const place =
    placeParts.length > 0 && placeParts[0]
      ? { ...placeParts[0], text: placeParts.map((p) => p.text).join(', ') }
      : undefined;
  if (!title && organisation) return { organisation };
  return { title, organisation, place };
}
