const BULLET = /^\s*(?:[-*+\u2022\u00B7\u25AA\u25CF\u2013]|\d{1,2}[.)])\s+/u;

export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/gu, '\n').split('\n');
}

export function isBulletLine(line: string): boolean {
  return BULLET.test(line);
}

export function stripBullet(line: string): string {
  return line.replace(BULLET, '').trim();
}

/** Every change below needs one of these characters. */
const MARKDOWN_MARK = /[#*_`\\]/u;

/** Removes Markdown heading hashes, emphasis markers and inline code ticks; keeps the words. */
export function stripMarkdownMarks(line: string): string {
  if (!MARKDOWN_MARK.test(line)) return line.trim();
  return line
    .replace(/^\s{0,3}#{1,6}\s+/u, '')
    .replace(/\*\*|__/gu, '')
    .replace(/(^|[\s(])[*_]([^*_]+)[*_](?=[\s).,;:!?]|$)/gu, '$1$2')
    .replace(/`/gu, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/gu, '$1')
    .trim();
}

/** A line's plain words: no bullet, no Markdown marks. */
export function plainLine(line: string): string {
  return stripMarkdownMarks(stripBullet(line));
}
