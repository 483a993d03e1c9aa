// The words of one block, line by line, with HTML's whitespace rules: runs of spaces, tabs, newlines, form feeds and
// zero-width spaces are one space. Ported from html-to-text 10 (MIT; its InlineTextBuilder and WhitespaceProcessor)
// without the options Aditus never set, so a page reads exactly as it did through that library.

const WORD = /[^ \t\r\n\f\u200b]+/gu;
const LEADING_SPACE = /^[ \t\r\n\f\u200b]/u;
const TRAILING_SPACE = /[ \t\r\n\f\u200b]$/u;
const ONLY_SPACE = /^[ \t\r\n\f\u200b]*$/u;

export function containsWords(text: string): boolean {
  return !ONLY_SPACE.test(text);
}

export class InlineText {
  private lines: string[][] = [];
  private words: string[] = [];
  private available: number;
  /** The text added last ended in whitespace: the next word starts a new word even if its text does not. */
  stashedSpace = false;
  /** A <wbr> was seen: a word that does not fit may go to the next line instead of being glued on. */
  wordBreakOpportunity = false;

  constructor(readonly maxLineLength: number) {
    this.available = maxLineLength;
  }

  /** A word longer than a line stays whole (html-to-text splits only on wrap characters, and none are set). */
  pushWord(word: string): void {
    if (this.available <= 0) this.startNewLine();
    const lineStart = this.words.length === 0;
    const cost = word.length + (lineStart ? 0 : 1);
    if (cost > this.available && !lineStart) this.startNewLine();
    this.available -= this.words.length === 0 ? word.length : cost;
    this.words.push(word);
  }

  private popWord(): string | undefined {
    const last = this.words.pop();
    if (last !== undefined) this.available += last.length + (this.words.length === 0 ? 0 : 1);
    return last;
  }

  /** Glues `word` to the last word of the line ("bo" + "ld" from `bo<b>ld</b>`). */
  concatWord(word: string): void {
    if (this.wordBreakOpportunity && word.length > this.available) {
      this.pushWord(word);
      this.wordBreakOpportunity = false;
    } else {
      const last = this.popWord();
      this.pushWord(last === undefined ? word : last + word);
    }
  }

  startNewLine(count = 1): void {
    this.lines.push(this.words);
    for (let i = 1; i < count; i++) this.lines.push([]);
    this.words = [];
    this.available = this.maxLineLength;
  }

  isEmpty(): boolean {
    return this.lines.length === 0 && this.words.length === 0;
  }

  clear(): void {
    this.lines = [];
    this.words = [];
    this.available = this.maxLineLength;
  }

  toString(): string {
    let text = '';
    for (const line of this.lines) text += `${line.join(' ')}\n`;
    return text + this.words.join(' ');
  }

  /** HTML text into words: whitespace collapsed, words cut at element boundaries glued back together. */
  addText(text: string, transform: ((word: string) => string) | undefined): void {
    if (text.length === 0) return;
    const spaceBefore = this.stashedSpace;
    WORD.lastIndex = 0;
    let match = WORD.exec(text);
    const anyWord = match !== null;
    if (match) {
      const first = transform ? transform(match[0]) : match[0];
      if (spaceBefore || LEADING_SPACE.test(text)) this.pushWord(first);
      else this.concatWord(first);
      while ((match = WORD.exec(text)) !== null) this.pushWord(transform ? transform(match[0]) : match[0]);
    }
    this.stashedSpace = (spaceBefore && !anyWord) || TRAILING_SPACE.test(text);
  }
}
