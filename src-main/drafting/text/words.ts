import { plainLine, splitLines } from './lines';
import { linkTextsOnly } from './markdown-links';

/** Words a reader would count: tokens containing a letter or digit, Markdown syntax ignored. */
export function countWords(markdown: string): number {
  let count = 0;
  for (const line of splitLines(markdown)) {
    const text = linkTextsOnly(plainLine(line));
    for (const token of text.split(/\s+/u)) {
      if (/[\p{L}\p{N}]/u.test(token)) count += 1;
    }
  }
  return count;
}
