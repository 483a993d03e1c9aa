/** Inline Markdown (code spans, bold, italics, links) as tokens; React renders them as elements. */
export type InlineToken =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: InlineToken[] }
  | { type: 'em'; children: InlineToken[] }
  | { type: 'link'; href: string; children: InlineToken[] };

const PATTERN =
  /`([^`]+)`|\*\*(.+?)\*\*|(?<![\w*])[*_](?![\s*_])(.+?)(?<![\s*_])[*_](?![\w*])|\[([^\]]+)\]\(([^)\s]+)\)/gu;

export function parseInline(text: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const index = m.index;
    if (index > last) tokens.push({ type: 'text', text: text.slice(last, index) });
    if (m[1] !== undefined) tokens.push({ type: 'code', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: 'strong', children: parseInline(m[2]) });
    else if (m[3] !== undefined) tokens.push({ type: 'em', children: parseInline(m[3]) });
    else if (m[4] !== undefined && m[5] !== undefined)
      tokens.push({ type: 'link', href: m[5], children: parseInline(m[4]) });
    last = index + m[0].length;
  }
  if (last < text.length) tokens.push({ type: 'text', text: text.slice(last) });
  return tokens;
}
