/**
 * What a single source line is. Each test is linear in the line's length: no pattern here has two
 * quantifiers that can take the same characters.
 */

export interface Fence {
  marker: '```' | '~~~';
  lang: string;
}

export interface ListMarker {
  /** Columns before the marker; a tab counts as four. */
  indent: number;
  /** The number of a numbered item as written ("1", "12"), or null for a bullet. */
  ordinal: string | null;
  /** The rest of the line after the marker and its spaces. */
  text: string;
}

const FENCE = /^\s*(```|~~~)\s*([\w-]*)/u;
const RULE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/u;
const HEADING_MARKS = /^\s{0,3}(#{1,6})\s+/u;
const LIST_MARKER = /^(\s*)(?:[-*+\u2022]|(\d{1,3})[.)])\s+/u;
const CONTINUATION = /^\s{2,}\S/u;
const TABLE_DIVIDER_CELL = /^:?-{2,}:?$/u;

export const isBlank = (line: string): boolean => line.trim() === '';

/** A line that opens a fenced code block: ``` (or ~~~ where allowed) and an optional language. */
export function openingFence(line: string, tildes: boolean): Fence | null {
  const match = FENCE.exec(line);
  if (!match || (match[1] === '~~~' && !tildes)) return null;
  return { marker: match[1] === '~~~' ? '~~~' : '```', lang: match[2] ?? '' };
}

export const closesFence = (line: string, fence: Fence): boolean => line.trim().startsWith(fence.marker);

/** Three or more `-`, `*` or `_` (spaces between allowed), indented at most three. */
export const isRule = (line: string): boolean => RULE.test(line);

/** An ATX heading: `#` to `######`, then the text without a closing run of `#`. */
export function heading(line: string): { level: number; text: string } | null {
  const match = HEADING_MARKS.exec(line);
  if (!match) return null;
  let text = line.slice(match[0].length).trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  text = text.slice(0, end).trimEnd();
  return { level: (match[1] ?? '#').length, text };
}

/** `-`, `*`, `+` or `•` bullets and `1.`/`1)` numbers (up to three digits), followed by a space. */
export function listMarker(line: string): ListMarker | null {
  const match = LIST_MARKER.exec(line);
  if (!match) return null;
  return {
    indent: (match[1] ?? '').replace(/\t/gu, '    ').length,
    ordinal: match[2] ?? null,
    text: line.slice(match[0].length),
  };
}

/** A line indented two or more that carries on the list item above it. */
export const isContinuation = (line: string): boolean => CONTINUATION.test(line);

export const isQuote = (line: string): boolean => line.trim().startsWith('>');

export const quoteText = (line: string): string => line.trim().replace(/^>\s?/u, '');

/** A table starts with a `|` row followed by a divider row (`|---|:--:|`). */
export const startsTable = (line: string, next: string | undefined): boolean =>
  isTableRow(line) && next !== undefined && isTableDivider(next);

export const isTableRow = (line: string): boolean => line.trim().startsWith('|');

function isTableDivider(line: string): boolean {
  let cells = line.trim();
  if (cells.startsWith('|')) cells = cells.slice(1);
  if (cells.endsWith('|')) cells = cells.slice(0, -1);
  return cells.split('|').every((cell) => TABLE_DIVIDER_CELL.test(cell.trim()));
}

/** A row's cells; `\|` is a literal bar inside a cell. */
export function tableCells(line: string): string[] {
  const row = line.trim().replace(/^\|/u, '').replace(/\|$/u, '');
  return row.split(/(?<!\\)\|/u).map((cell) => cell.trim().replace(/\\\|/gu, '|'));
}
