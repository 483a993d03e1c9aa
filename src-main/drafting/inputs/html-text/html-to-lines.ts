// An HTML page's visible text, read as a stream of tags by htmlparser2's Parser: no document tree is built, so a
// 5 MB page takes about 40% less CPU and half the memory it took through html-to-text (which parses into a DOM and
// then matches CSS selectors against every element; bench/README.md, large input). The formatting is html-to-text's
// with the options Aditus used: no word wrap, headings keep their case, lists are "- " lines, links keep only their
// text, images, navigation and footers are dropped, tables are laid out in columns (header cells upper-cased), and
// only <body> is read when the page has one. test/unit/drafting/html-to-lines.test.ts compares the two.
import { Parser } from 'htmlparser2';
import { BlockText } from './block-text';

type Attributes = Record<string, string>;

/** How an element is written out; everything not listed is inline (its text runs on). */
const BLOCKS = new Map<string, { leading: number; trailing: number }>([
  ['article', { leading: 1, trailing: 1 }],
  ['aside', { leading: 1, trailing: 1 }],
  ['div', { leading: 1, trailing: 1 }],
  ['form', { leading: 1, trailing: 1 }],
  ['header', { leading: 1, trailing: 1 }],
  ['main', { leading: 1, trailing: 1 }],
  ['section', { leading: 1, trailing: 1 }],
  ['p', { leading: 2, trailing: 2 }],
  ['pre', { leading: 2, trailing: 2 }],
  ['h1', { leading: 3, trailing: 2 }],
  ['h2', { leading: 3, trailing: 2 }],
  ['h3', { leading: 3, trailing: 2 }],
  ['h4', { leading: 2, trailing: 2 }],
  ['h5', { leading: 2, trailing: 2 }],
  ['h6', { leading: 2, trailing: 2 }],
]);
/** Left out with everything inside them. <script> and <style> are not elements to html-to-text. */
const SKIPPED = new Set(['img', 'nav', 'footer', 'script', 'style']);
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot', 'center']);
const HORIZONTAL_LINE = '-'.repeat(40);
/** The HTML standard's ceilings; a larger colspan or rowspan is read as these. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65_534;
const ONLY_SPACE = /^\s*$/u;
/** The attributes the text depends on: an ordered list's numbering, a table cell's span. */
const USED_ATTRIBUTES = new Set(['start', 'type', 'colspan', 'rowspan']);

/**
 * What an open element does when it closes. `list` and the table kinds hold no text of their own: text directly
 * inside a list becomes an item with no marker, text directly inside a table (outside its cells) is dropped.
 */
type Frame =
  | { kind: 'inline' | 'skip' | 'list-item' | 'cell-th' | 'cell-td' | 'table' | 'table-section' | 'row' }
  | { kind: 'block'; trailing: number; quote?: boolean }
  | ListFrame
  | { kind: 'wrapped-item' };

interface ListFrame {
  kind: 'list';
  trailing: number;
  /** The marker of the next <li>. */
  next: () => string;
  /** The width an item's lines are indented by: the widest <li> marker of the list, known or so far. */
  width: () => number;
  /** Where this list is in the page's lists, in the order they open. */
  id: number;
  wraps: boolean;
  /** The widest <li> marker seen, and whether any item was laid out with another width. */
  widest: number;
  widths: Set<number>;
}

/**
 * Each list's widest <li> marker, in the order the lists open. A stream does not know it when the first items are
 * laid out; it matters only for a list inside a table cell (lines wrap there, narrower by the marker), and if a
 * first reading guessed it wrong there, the page is read again with the widths the first reading found.
 */
class ListMarkers {
  private opened = 0;
  readonly widest: number[] = [];
  guessedWrong = false;

  constructor(readonly known: readonly number[] | null) {}

  open(): number {
    return this.opened++;
  }
}

function letters(index: number): string {
  const digits: number[] = [];
  let rest = index;
  do {
    rest -= 1;
    digits.push(rest % 26);
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return digits
    .reverse()
    .map((digit) => String.fromCharCode(97 + digit))
    .join('');
}

const ROMAN_ONES = ['I', 'X', 'C', 'M'];
const ROMAN_FIVES = ['V', 'L', 'D'];

function roman(index: number): string {
  return [...String(index)]
    .map(Number)
    .reverse()
    .map((v, i) =>
      v % 5 < 4
        ? (v < 5 ? '' : (ROMAN_FIVES[i] ?? '')) + (ROMAN_ONES[i] ?? '').repeat(v % 5)
        : (ROMAN_ONES[i] ?? '') + (v < 5 ? (ROMAN_FIVES[i] ?? '') : (ROMAN_ONES[i + 1] ?? '')),
    )
    .reverse()
    .join('');
}

function orderedMarker(type: string | undefined): (index: number) => string {
  switch (type) {
    case 'a':
      return letters;
    case 'A':
      return (index) => letters(index).toUpperCase();
    case 'i':
      return (index) => roman(index).toLowerCase();
    case 'I':
      return roman;
    default:
      return String;
  }
}

function quoteLines(text: string): string {
  return text
    .replace(/^\n+|\n+$/gu, '')
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** One reading of a tree of elements into text (the whole page, or its <body>). */
class TextWalk {
  readonly out = new BlockText();

  constructor(private readonly markers: ListMarkers) {}

  private readonly frames: Frame[] = [];
  private readonly names: string[] = [];
  private readonly cellSpans: { colspan: number; rowspan: number }[] = [];
  /** Elements open inside a skipped one (or inside a table but outside its cells). */
  private skipped = 0;

  private get frame(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private inTableStructure(): boolean {
    const kind = this.frame?.kind;
    return kind === 'table' || kind === 'table-section' || kind === 'row';
  }

  addText(data: string): void {
    if (this.skipped > 0 || this.inTableStructure()) return;
    if (this.frame?.kind === 'list') {
      if (ONLY_SPACE.test(data)) return;
      this.openItem(this.frame, false);
      this.out.addInline(data);
      this.out.closeListItem();
      return;
    }
    this.out.addInline(data);
  }

  /** A comment or `<!doctype>`: nothing, except that a list counts it as an (empty) item, as html-to-text did. */
  other(): void {
    if (this.skipped > 0 || this.frame?.kind !== 'list') return;
    this.openItem(this.frame, false);
    this.out.closeListItem();
  }

  open(name: string, attributes: Attributes): void {
    const parentName = this.names[this.names.length - 1];
    this.names.push(name);
    if (this.skipped > 0) {
      this.skipped += 1;
      return;
    }
    const parent = this.frame;
    if (parent?.kind === 'table' || parent?.kind === 'table-section') {
      if (TABLE_SECTIONS.has(name)) this.frames.push({ kind: 'table-section' });
      else if (name === 'tr') {
        this.out.openTableRow();
        this.frames.push({ kind: 'row' });
      } else this.skipped = 1;
      return;
    }
    if (parent?.kind === 'row') {
      if (name !== 'th' && name !== 'td') {
        this.skipped = 1;
        return;
      }
      if (name === 'th') this.out.beginUppercase();
      this.out.openTableCell();
      this.frames.push({ kind: name === 'th' ? 'cell-th' : 'cell-td' });
      this.cellSpans.push(spans(attributes));
      return;
    }
    if (parent?.kind === 'list') {
      if (name === 'li') {
        this.openItem(parent, true);
        this.frames.push({ kind: 'list-item' });
        return;
      }
      this.openItem(parent, false);
      this.frames.push({ kind: 'wrapped-item' });
    }
    this.openElement(name, attributes, parentName);
  }

  /** An item of `list`: an <li> with its marker, or any other child with none. */
  private openItem(list: ListFrame, isLi: boolean): void {
    const guess = list.width();
    const prefix = isLi ? list.next() : '';
    list.widest = Math.max(list.widest, prefix.length);
    const width = Math.max(prefix.length, guess);
    list.widths.add(width);
    this.out.openListItem(prefix, width);
  }

  private openElement(name: string, attributes: Attributes, parentName: string | undefined): void {
    const block = BLOCKS.get(name);
    if (block) {
      this.out.openBlock({ leadingLineBreaks: block.leading, isPre: name === 'pre' });
      this.frames.push({ kind: 'block', trailing: block.trailing });
    } else if (SKIPPED.has(name)) {
      this.skipped = 1;
    } else if (name === 'blockquote') {
      this.out.openBlock({ leadingLineBreaks: 2, reservedLineLength: 2 });
      this.frames.push({ kind: 'block', trailing: 2, quote: true });
    } else if (name === 'ul' || name === 'ol') {
      const nested = parentName === 'li';
      const id = this.markers.open();
      const known = this.markers.known?.[id];
      const frame: ListFrame = {
        kind: 'list',
        trailing: nested ? 1 : 2,
        next: () => '- ',
        width: () => known ?? 2,
        id,
        wraps: this.out.wraps(),
        widest: 0,
        widths: new Set(),
      };
      if (name === 'ol') {
        let index = attributes.start ? Number(attributes.start) : 1;
        const marker = orderedMarker(attributes.type);
        const prefix = (): string => (nested ? '' : ' ') + marker(index) + '. ';
        frame.next = () => {
          const current = prefix();
          index += 1;
          return current;
        };
        frame.width = () => known ?? Math.max(frame.widest, prefix().length);
      }
      this.out.openList(nested ? 1 : 2);
      this.frames.push(frame);
    } else if (name === 'table') {
      this.out.openTable();
      this.frames.push({ kind: 'table' });
    } else {
      if (name === 'br') this.out.addLineBreak();
      else if (name === 'wbr') this.out.addWordBreakOpportunity();
      else if (name === 'hr') {
        this.out.openBlock({ leadingLineBreaks: 2 });
        this.out.addInline(HORIZONTAL_LINE);
        this.out.closeBlock({ trailingLineBreaks: 2 });
      }
      this.frames.push({ kind: 'inline' });
    }
  }

  close(): void {
    this.names.pop();
    if (this.skipped > 0) {
      this.skipped -= 1;
      // A skipped element that was a list's child still was an (empty) item of it.
      if (this.skipped === 0) this.closeWrappedItem();
      return;
    }
    const frame = this.frames.pop();
    if (!frame) return;
    switch (frame.kind) {
      case 'block':
        this.out.closeBlock({ trailingLineBreaks: frame.trailing, ...(frame.quote ? { transform: quoteLines } : {}) });
        break;
      case 'list':
        this.markers.widest[frame.id] = frame.widest;
        if (frame.wraps && [...frame.widths].some((width) => width !== frame.widest)) this.markers.guessedWrong = true;
        this.out.closeList({ trailingLineBreaks: frame.trailing });
        break;
      case 'list-item':
        this.out.closeListItem();
        return;
      case 'table':
        this.out.closeTable();
        break;
      case 'row':
        this.out.closeTableRow();
        return;
      case 'cell-th':
      case 'cell-td':
        this.out.closeTableCell(this.cellSpans.pop() ?? { colspan: 1, rowspan: 1 });
        if (frame.kind === 'cell-th') this.out.endUppercase();
        return;
      default:
        break;
    }
    this.closeWrappedItem();
  }

  /** A list's child other than <li>, once it closes, ends the item it was put in. */
  private closeWrappedItem(): void {
    if (this.frame?.kind !== 'wrapped-item') return;
    this.frames.pop();
    this.out.closeListItem();
  }
}

/** A span as HTML reads it: a whole number from its leading digits, at least 1, at most `max`. */
function spanOf(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function spans(attributes: Attributes): { colspan: number; rowspan: number } {
  return { colspan: spanOf(attributes.colspan, MAX_COLSPAN), rowspan: spanOf(attributes.rowspan, MAX_ROWSPAN) };
}

/** htmlparser2's Parser, telling which elements are void (they hold nothing, so they never deepen the tree). */
class TreeParser extends Parser {
  holdsNothing(name: string): boolean {
    return this.isVoidElement(name);
  }
}

class TooDeep extends Error {}

/**
 * Visible text of an HTML page: headings keep their case, lists become "- " lines, navigation and images are
 * dropped. Null, with reading stopped there, when elements open more than `maxDepth` inside one another: the parser
 * spends time proportional to the depth on every tag, so a hostile page of nested <div>s is refused at once.
 */
export function htmlToLines(html: string, maxDepth = Infinity): string | null {
  const first = new ListMarkers(null);
  const text = read(html, maxDepth, first);
  if (text === null || !first.guessedWrong) return text;
  return read(html, maxDepth, new ListMarkers(first.widest));
}

function read(html: string, maxDepth: number, markers: ListMarkers): string | null {
  const page = new TextWalk(markers);
  const body = new TextWalk(markers);
  let depth = 0;
  /** Elements open inside one another, void ones not counted: the depth of the tree htmlparser2 would build. */
  let treeDepth = 0;
  /** The depth at which the <body> being read opened, or -1 outside any. */
  let bodyDepth = -1;
  let sawBody = false;
  let pending = '';
  const walk = (): TextWalk | undefined => (bodyDepth >= 0 ? body : sawBody ? undefined : page);
  const flush = (): void => {
    if (pending.length === 0) return;
    walk()?.addText(pending);
    pending = '';
  };
  /**
   * The element whose start tag is being read, opened once its attributes are known (at the next event). Only the
   * few attributes the text needs are kept, so the parser builds no attribute object for the other elements.
   */
  let opening: string | null = null;
  let openingAttributes: Attributes = {};
  const open = (): void => {
    if (opening === null) return;
    const name = opening;
    opening = null;
    depth += 1;
    if (name === 'body' && bodyDepth < 0) {
      bodyDepth = depth;
      sawBody = true;
    }
    walk()?.open(name, openingAttributes);
  };
  const parser: TreeParser = new TreeParser(
    {
      ontext(data) {
        open();
        pending += data;
      },
      onopentagname(name) {
        open();
        if (!parser.holdsNothing(name) && ++treeDepth > maxDepth) throw new TooDeep();
        flush();
        opening = name;
        openingAttributes = {};
      },
      onattribute(name, value) {
        if (opening !== null && USED_ATTRIBUTES.has(name) && !Object.hasOwn(openingAttributes, name)) {
          openingAttributes[name] = value;
        }
      },
      onclosetag(name) {
        open();
        if (!parser.holdsNothing(name)) treeDepth -= 1;
        flush();
        walk()?.close();
        if (depth === bodyDepth) bodyDepth = -1;
        depth -= 1;
      },
      oncomment() {
        open();
        flush();
      },
      oncommentend() {
        walk()?.other();
      },
      onprocessinginstruction() {
        open();
        flush();
        walk()?.other();
      },
    },
    { decodeEntities: true },
  );
  try {
    parser.write(html);
    parser.end();
    open();
  } catch (error) {
    if (error instanceof TooDeep) return null;
    throw error;
  }
  flush();
  return (sawBody ? body : page).out.toString();
}
