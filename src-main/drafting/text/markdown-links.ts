/** A Markdown link `[text](target)` or image `![text](target)` in a line: `start` at its first character, `end` after the `)`. */
export interface MarkdownLink {
  start: number;
  textStart: number;
  textEnd: number;
  end: number;
}

/**
 * The links (or, with `opener` "![", the images) that the pattern `\[[^\]]*\]\([^)]*\)` finds, left to right, in
 * linear time. The pattern itself retries every `[` up to the same `]` when a line holds many `[` and no link, which is
 * quadratic on a long line. Every opener before a `]` shares that `]`, so when it does not close a link none of them
 * can, and the scan moves past it.
 */
export function findMarkdownLinks(line: string, opener: '[' | '![' = '['): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let start = line.indexOf(opener);
  while (start >= 0) {
    const textStart = start + opener.length;
    const close = line.indexOf(']', textStart);
    if (close < 0) break;
    if (line[close + 1] === '(') {
      const end = line.indexOf(')', close + 2);
      if (end < 0) break;
      links.push({ start, textStart, textEnd: close, end: end + 1 });
      start = line.indexOf(opener, end + 1);
    } else {
      start = line.indexOf(opener, close + 1);
    }
  }
  return links;
}

/** The line with each link replaced by its text (`[a](b)` → `a`). */
export function linkTextsOnly(line: string): string {
  let out = '';
  let from = 0;
  for (const link of findMarkdownLinks(line)) {
    out += line.slice(from, link.start) + line.slice(link.textStart, link.textEnd);
    from = link.end;
  }
  return out + line.slice(from);
}
