// Text built from nested blocks, lists and tables: each block is separated from its neighbours by the larger of the
// line breaks the two ask for. Ported from html-to-text 10 (MIT; its BlockTextBuilder), with wordwrap off as Aditus
// always ran it; lists are laid out when they close, so a page can be read as a stream of tags.
import { containsWords, InlineText } from './inline-text';
import { type TableCell, tableToText } from './table-layout';

const NO_WRAP = Number.MAX_VALUE;
/** html-to-text's dataTable: cells wrap at 60 characters. */
const MAX_COLUMN_WIDTH = 60;

interface ListEntry {
  prefix: string;
  text: string;
  leadingLineBreaks: number;
  trailingLineBreaks: number;
}

/** A block, a list, a list's item or a table cell: one shape for all four keeps the property accesses fast. */
class TextItem {
  readonly inline: InlineText;
  rawText = '';
  stashedLineBreaks = 0;
  /** An item's marker ("- ", " 1. "). */
  prefix = '';
  /** A list's items, laid out when it closes. */
  readonly entries: ListEntry[] = [];

  constructor(
    readonly kind: 'block' | 'list' | 'item' | 'cell',
    public leadingLineBreaks: number,
    maxLineLength: number,
    readonly isPre: boolean,
  ) {
    this.inline = new InlineText(maxLineLength);
  }
}

class TableItem {
  readonly kind = 'table';
  readonly rows: TableCell[][] = [];
}

class RowItem {
  readonly kind = 'row';
  readonly cells: TableCell[] = [];
}

type StackItem = TextItem | TableItem | RowItem;

function isText(item: StackItem | undefined): item is TextItem {
  return item instanceof TextItem;
}

function textOf(item: TextItem): string {
  return item.inline.isEmpty() ? item.rawText : item.rawText + item.inline.toString();
}

function addText(item: TextItem, text: string, leadingLineBreaks: number, trailingLineBreaks: number): void {
  const before = textOf(item);
  const lineBreaks = Math.max(item.stashedLineBreaks, leadingLineBreaks);
  item.inline.clear();
  if (before) {
    item.rawText = before + '\n'.repeat(lineBreaks) + text;
  } else {
    item.rawText = text;
    item.leadingLineBreaks = lineBreaks;
  }
  item.stashedLineBreaks = trailingLineBreaks;
}

function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '\n') start++;
  while (end > start && text[end - 1] === '\n') end--;
  return text.slice(start, end);
}

export class BlockText {
  private readonly root = new TextItem('block', 1, NO_WRAP, false);
  private readonly stack: StackItem[] = [this.root];
  private uppercase = 0;

  private get top(): StackItem {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  private topText(): TextItem | undefined {
    const top = this.top;
    return isText(top) ? top : undefined;
  }

  /** The innermost block that holds text; a table or row has none, so text there is dropped. */
  private pop(): StackItem {
    return this.stack.length > 1 ? (this.stack.pop() ?? this.root) : this.root;
  }

  /** Lines wrap here (inside a table cell); everywhere else a line is as long as its text. */
  wraps(): boolean {
    return (this.topText()?.inline.maxLineLength ?? NO_WRAP) < NO_WRAP;
  }

  /** Words from here on are upper-cased (table header cells), until `endUppercase`. */
  beginUppercase(): void {
    this.uppercase += 1;
  }

  endUppercase(): void {
    this.uppercase -= 1;
  }

  addInline(text: string): void {
    const top = this.topText();
    if (!top) return;
    if (top.isPre) {
      top.rawText += text;
      return;
    }
    if (text.length === 0 || (top.stashedLineBreaks && !containsWords(text))) return;
    if (top.stashedLineBreaks) top.inline.startNewLine(top.stashedLineBreaks);
    top.inline.addText(text, this.uppercase > 0 ? (word) => word.toUpperCase() : undefined);
    top.stashedLineBreaks = 0;
  }

  addLineBreak(): void {
    const top = this.topText();
    if (!top) return;
    if (top.isPre) top.rawText += '\n';
    else top.inline.startNewLine();
  }

  addWordBreakOpportunity(): void {
    const top = this.topText();
    if (top) top.inline.wordBreakOpportunity = true;
  }

  openBlock({ leadingLineBreaks = 1, reservedLineLength = 0, isPre = false } = {}): void {
    const parent = this.topText();
    const maxLineLength = Math.max(20, (parent?.inline.maxLineLength ?? NO_WRAP) - reservedLineLength);
    this.stack.push(new TextItem('block', leadingLineBreaks, maxLineLength, isPre || (parent?.isPre ?? false)));
  }

  closeBlock({
    trailingLineBreaks = 1,
    transform,
  }: { trailingLineBreaks?: number; transform?: (text: string) => string } = {}): void {
    const block = this.pop();
    const parent = this.topText();
    if (!isText(block) || !parent) return;
    const text = transform ? transform(textOf(block)) : textOf(block);
    addText(parent, text, block.leadingLineBreaks, Math.max(block.stashedLineBreaks, trailingLineBreaks));
  }

  openList(leadingLineBreaks: number): void {
    const parent = this.topText();
    this.stack.push(
      new TextItem('list', leadingLineBreaks, parent?.inline.maxLineLength ?? NO_WRAP, parent?.isPre ?? false),
    );
  }

  /**
   * An item of the list on top: an <li> with its marker, or any other child of the list with none. Its lines are
   * the list's widest marker narrower (which matters only in a table cell, where lines wrap).
   */
  openListItem(prefix: string, markerWidth = prefix.length): void {
    const list = this.top;
    if (list.kind !== 'list') return;
    const maxLineLength = Math.max(20, list.inline.maxLineLength - Math.max(prefix.length, markerWidth));
    const item = new TextItem('item', 1, maxLineLength, list.isPre);
    item.prefix = prefix;
    this.stack.push(item);
  }

  closeListItem(): void {
    const item = this.pop();
    const list = this.top;
    if (item.kind !== 'item' || list.kind !== 'list') return;
    list.entries.push({
      prefix: item.prefix,
      text: textOf(item),
      leadingLineBreaks: item.leadingLineBreaks,
      trailingLineBreaks: Math.max(item.stashedLineBreaks, 1),
    });
  }

  /** The items one a line, continuation lines indented under the widest marker. */
  closeList({ trailingLineBreaks }: { trailingLineBreaks: number }): void {
    const list = this.pop();
    const parent = this.topText();
    if (list.kind !== 'list' || !parent || list.entries.length === 0) return;
    const width = Math.max(...list.entries.map((entry) => entry.prefix.length));
    const indent = `\n${' '.repeat(width)}`;
    for (const entry of list.entries) {
      const text = entry.prefix.padEnd(width) + entry.text.replace(/\n/gu, indent);
      addText(list, text, entry.leadingLineBreaks, entry.trailingLineBreaks);
    }
    const text = textOf(list);
    if (text) addText(parent, text, list.leadingLineBreaks, trailingLineBreaks);
  }

  openTable(): void {
    this.stack.push(new TableItem());
  }

  openTableRow(): void {
    if (this.top.kind === 'table') this.stack.push(new RowItem());
  }

  openTableCell(): void {
    if (this.top.kind !== 'row') return;
    const isPre = this.stack.some((item) => isText(item) && item.isPre);
    this.stack.push(new TextItem('cell', 1, MAX_COLUMN_WIDTH, isPre));
  }

  closeTableCell({ colspan, rowspan }: { colspan: number; rowspan: number }): void {
    const cell = this.pop();
    const row = this.top;
    if (cell.kind !== 'cell' || row.kind !== 'row') return;
    row.cells.push({ colspan, rowspan, text: trimNewlines(textOf(cell)) });
  }

  closeTableRow(): void {
    const row = this.pop();
    const table = this.top;
    if (row.kind === 'row' && table.kind === 'table') table.rows.push(row.cells);
  }

  closeTable(): void {
    const table = this.pop();
    const parent = this.topText();
    if (table.kind !== 'table' || !parent) return;
    const text = tableToText(table.rows);
    if (text) addText(parent, text, 2, 2);
  }

  toString(): string {
    return textOf(this.root);
  }
}
