import {
  closesFence,
  heading,
  isBlank,
  isContinuation,
  isQuote,
  isRule,
  isTableRow,
  listMarker,
  openingFence,
  quoteText,
  startsTable,
  tableCells,
  type ListMarker,
} from './block-lines';

/**
 * Markdown blocks as a tree of plain strings; `parseInline` turns a block's text into inline tokens.
 * Nothing here produces HTML, and raw HTML in the source stays literal text.
 */
export type Block =
  | { type: 'heading'; level: number; text: string }
  /** Source lines as written: how a line break shows (space or hard break) is the reader's choice. */
  | { type: 'paragraph'; lines: string[] }
  | ListBlock
  | { type: 'code'; lang: string; text: string }
  | { type: 'table'; header: string[]; rows: string[][] }
  /** The quoted lines without their `>`. */
  | { type: 'quote'; lines: string[] }
  | { type: 'rule' };

export interface ListBlock {
  type: 'list';
  /** As its first item is. */
  ordered: boolean;
  items: ListItem[];
}

export interface ListItem {
  /** The number as written ("1", "12"), or null for a bullet. */
  ordinal: string | null;
  /** Columns before the marker; a tab counts as four. */
  indent: number;
  /** The text after the marker, then each continuation line (trimmed). */
  lines: string[];
  /** Items indented deeper than the list's first item (one level: deeper ones join it). */
  children: ListItem[];
}

/** Which blocks beyond the common ones a reader wants recognised; without them, such lines are paragraph text. */
export interface BlockSyntax {
  tables: boolean;
  quotes: boolean;
  /** `~~~` fences as well as ```. */
  tildeFences: boolean;
}

const FULL_SYNTAX: BlockSyntax = { tables: true, quotes: true, tildeFences: true };

function toItem(marker: ListMarker): ListItem {
  return { ordinal: marker.ordinal, indent: marker.indent, lines: [marker.text], children: [] };
}

function addItem(list: ListBlock, item: ListItem): void {
  const base = list.items[0]?.indent ?? item.indent;
  const parent = list.items[list.items.length - 1];
  if (parent && item.indent > base) parent.children.push(item);
  else list.items.push(item);
}

/** The item a continuation line belongs to: the last one written. */
function lastItem(list: ListBlock): ListItem | undefined {
  const item = list.items[list.items.length - 1];
  return item?.children[item.children.length - 1] ?? item;
}

/** The lines from `from` on while `take` holds. */
function linesWhile(lines: readonly string[], from: number, take: (line: string, n: number) => boolean): string[] {
  const taken: string[] = [];
  for (let n = from; n < lines.length && take(lines[n] ?? '', n); n++) taken.push(lines[n] ?? '');
  return taken;
}

/**
 * Headings (`#`, up to three spaces in), paragraphs, lists (nested by indentation; a line indented two or
 * more after an item continues it, also past a blank line), fenced code, rules, and where `syntax` allows,
 * tables, quotes and `~~~` fences. A blank line ends a list; items after it start a new one.
 */
export function parseBlocks(source: string, syntax: BlockSyntax = FULL_SYNTAX): Block[] {
  const lines = source.replace(/\r\n?/gu, '\n').split('\n');
  const startsTableAt = (n: number): boolean => syntax.tables && startsTable(lines[n] ?? '', lines[n + 1]);
  const startsBlock = (line: string, n: number): boolean =>
    openingFence(line, syntax.tildeFences) !== null ||
    isRule(line) ||
    heading(line) !== null ||
    startsTableAt(n) ||
    (syntax.quotes && isQuote(line)) ||
    listMarker(line) !== null;

  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const last = blocks.at(-1);
    const fence = openingFence(line, syntax.tildeFences);
    const title = heading(line);
    const marker = listMarker(line);
    if (isBlank(line)) {
      i++;
    } else if (fence) {
      const body = linesWhile(lines, i + 1, (l) => !closesFence(l, fence));
      blocks.push({ type: 'code', lang: fence.lang, text: body.join('\n') });
      i += body.length + 2;
    } else if (isRule(line)) {
      blocks.push({ type: 'rule' });
      i++;
    } else if (title) {
      blocks.push({ type: 'heading', ...title });
      i++;
    } else if (startsTableAt(i)) {
      const rows = linesWhile(lines, i + 2, isTableRow);
      blocks.push({ type: 'table', header: tableCells(line), rows: rows.map(tableCells) });
      i += rows.length + 2;
    } else if (syntax.quotes && isQuote(line)) {
      const quoted = linesWhile(lines, i, isQuote);
      blocks.push({ type: 'quote', lines: quoted.map(quoteText) });
      i += quoted.length;
    } else if (marker) {
      const afterBlank = i > 0 && isBlank(lines[i - 1] ?? '');
      if (last?.type === 'list' && !afterBlank) addItem(last, toItem(marker));
      else blocks.push({ type: 'list', ordered: marker.ordinal !== null, items: [toItem(marker)] });
      i++;
    } else if (last?.type === 'list' && isContinuation(line)) {
      lastItem(last)?.lines.push(line.trim());
      i++;
    } else {
      const more = linesWhile(lines, i + 1, (l, n) => !isBlank(l) && !startsBlock(l, n));
      blocks.push({ type: 'paragraph', lines: [line, ...more] });
      i += more.length + 1;
    }
  }
  return blocks;
}
