import { plainLine, splitLines } from './lines';

/** Words a reader would count: tokens containing a letter or digit, Markdown syntax ignored. */
export function countWords(markdown: string): number {
  let count = 0;
  for (const line of splitLines(markdown)) {
    const text = plainLine(line).replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1');
    for (const token of text.split(/\s+/u)) {
      if (/[\p{L}\p{N}]/u.test(token)) count += 1;
    }
  }
  return count;
}
