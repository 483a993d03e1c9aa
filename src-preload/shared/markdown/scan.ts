const ESCAPABLE = new Set('\\`*_{}[]()#+-.!<>|~');
const SPACE = /\s/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a backslash before `char` makes it literal. */
export const isEscapable = (char: string): boolean => ESCAPABLE.has(char);

export const isSpace = (char: string): boolean => SPACE.test(char);

/** A letter or digit in any script. */
export const isWordChar = (char: string): boolean => WORD_CHAR.test(char);

/**
 * The first position at or after `i` whose character matches (the text's length if none). The last answer
 * is kept: no position between where that scan began and where it stopped matches, so any `i` in that
 * range has the same answer. Callers ask with growing `i`, which makes all their lookups one pass.
 */
export class NextOf {
  private start = 0;
  private stop = -1;

  constructor(
    private readonly text: string,
    private readonly matches: (char: string) => boolean,
    /** Skip characters escaped with a backslash. */
    private readonly skipEscaped = false,
  ) {}

  from(i: number): number {
    if (i >= this.start && i <= this.stop) return this.stop;
    let j = i;
    while (j < this.text.length && !this.matches(this.text[j] ?? '')) {
      j += this.skipEscaped && this.text[j] === '\\' && isEscapable(this.text[j + 1] ?? '') ? 2 : 1;
    }
    this.start = i;
    this.stop = j;
    return j;
  }
}
