import { plainLine } from '../text/lines';

const LABEL_PREFIX = /^[\p{L}][\p{L} &/-]{1,30}:\s+/u;

/** Items of a list written as bullets or separated by commas, semicolons, pipes or middle dots. */
export function splitListItems(lines: string[], options: { splitCommas: boolean }): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const text = plainLine(line).replace(LABEL_PREFIX, '');
    if (text.length === 0) continue;
    // `(?:(?<!\s)\s+)?` rather than `\s*`: spaces before a separator are matched from where they start, so a long run of
    // spaces is not re-read from each of its positions.
    const separator = options.splitCommas
      ? /(?:(?<!\s)\s+)?[,;|\u00B7\u2022]\s*/u
      : /(?:(?<!\s)\s+)?[;|\u00B7\u2022]\s*/u;
    for (const part of text.split(separator)) {
      const item = part.replace(/(?<![.\s])[.\s]+$/u, '').trim();
      const key = item.toLowerCase();
      if (item.length === 0 || item.length > 120 || seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}
