import { delimiterRun, resolveEmphasis, type Slot } from './emphasis';
import { isEscapable, isSpace, NextOf } from './scan';

/**
 * Inline Markdown as a tree: code spans, strong and emphasis (`**`/`__`, `*`/`_`), links, autolinks
 * (`<https://…>`, `<mailto:…>`) and backslash escapes. Images become their alt text; anything else, raw
 * HTML included, stays literal text. Linear in the length of the text.
 */
export type InlineToken =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: InlineToken[] }
  | { type: 'em'; children: InlineToken[] }
  | { type: 'link'; href: string; children: InlineToken[] };

const AUTOLINK_SCHEMES = ['https://', 'http://', 'mailto:'];

/** Removes backslash escapes: `\*` is `*`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\(.)/gu, (match, char: string) => (isEscapable(char) ? char : match));
}

/** The text a reader sees, without marks. */
export function plainText(tokens: readonly InlineToken[]): string {
  return tokens.map((t) => ('children' in t ? plainText(t.children) : t.text)).join('');
}

interface Span {
  token: InlineToken;
  end: number;
}

/** Where each construct can end; every lookup moves forward only, so failed attempts cost no rescans. */
class Lookups {
  readonly backtick: NextOf;
  readonly bracket: NextOf;
  readonly paren: NextOf;
  readonly quote: NextOf;
  readonly nonSpace: NextOf;
  readonly urlEnd: NextOf;
  readonly autolinkEnd: NextOf;

  constructor(readonly text: string) {
    this.backtick = new NextOf(text, (c) => c === '`');
    this.bracket = new NextOf(text, (c) => c === ']', true);
    this.paren = new NextOf(text, (c) => c === ')');
    this.quote = new NextOf(text, (c) => c === '"');
    this.nonSpace = new NextOf(text, (c) => !isSpace(c));
    this.urlEnd = new NextOf(text, (c) => c === ')' || isSpace(c));
    this.autolinkEnd = new NextOf(text, (c) => c === '>' || isSpace(c));
  }
}

function codeSpan({ text, backtick }: Lookups, open: number): Span | null {
  const close = backtick.from(open + 1);
  if (close <= open + 1 || close >= text.length) return null;
  return { token: { type: 'code', text: text.slice(open + 1, close) }, end: close + 1 };
}

/** `[label](url)` or `[label](url "title")`; the label ends at the first unescaped `]`, the URL has no spaces. */
function link(at: Lookups, open: number): Span | null {
  const { text } = at;
  const close = at.bracket.from(open + 1);
  if (close <= open + 1 || close >= text.length || text[close + 1] !== '(') return null;
  const urlEnd = at.urlEnd.from(close + 2);
  if (urlEnd === close + 2) return null;
  let end = urlEnd;
  if (isSpace(text[end] ?? '')) {
    const title = at.nonSpace.from(end);
    if (text[title] !== '"') return null;
    end = at.quote.from(title + 1) + 1;
  }
  if (text[end] !== ')') return null;
  const href = unescapeMarkdown(text.slice(close + 2, urlEnd));
  return { token: { type: 'link', href, children: parseInline(text.slice(open + 1, close)) }, end: end + 1 };
}

/** `![alt](src)` with `[` at `open`: only the alt text is kept. */
function image(at: Lookups, open: number): Span | null {
  const { text } = at;
  const close = at.bracket.from(open + 1);
  if (close >= text.length || text[close + 1] !== '(') return null;
  const paren = at.paren.from(close + 2);
  if (paren >= text.length) return null;
  return { token: { type: 'text', text: unescapeMarkdown(text.slice(open + 1, close)) }, end: paren + 1 };
}

/** `<https://…>`, `<http://…>` or `<mailto:…>`: shown as the address (without `mailto:`). */
function autolink({ text, autolinkEnd }: Lookups, open: number): Span | null {
  const close = autolinkEnd.from(open + 1);
  if (text[close] !== '>') return null;
  const url = text.slice(open + 1, close);
  const scheme = AUTOLINK_SCHEMES.find((s) => url.startsWith(s));
  if (scheme === undefined || url.length === scheme.length) return null;
  const label = url.replace(/^mailto:/u, '');
  return { token: { type: 'link', href: url, children: [{ type: 'text', text: label }] }, end: close + 1 };
}

function spanAt(at: Lookups, i: number): Span | null {
  switch (at.text[i]) {
    case '`':
      return codeSpan(at, i);
    case '[':
      return link(at, i);
    case '!':
      return at.text[i + 1] === '[' ? image(at, i + 1) : null;
    case '<':
      return autolink(at, i);
    default:
      return null;
  }
}

/** The inline tree of one paragraph, heading, list item or table cell. */
export function parseInline(text: string): InlineToken[] {
  const at = new Lookups(text);
  const slots: Slot[] = [];
  let literal = '';
  const push = (slot: Slot): void => {
    if (literal) slots.push({ token: { type: 'text', text: literal } });
    literal = '';
    slots.push(slot);
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '\\' && isEscapable(text[i + 1] ?? '')) {
      literal += text[i + 1];
      i += 2;
    } else if (char === '*' || char === '_') {
      const slot = delimiterRun(text, i);
      push(slot);
      i += slot.token.text.length;
    } else {
      const span = spanAt(at, i);
      if (span) push({ token: span.token });
      else literal += char;
      i = span ? span.end : i + 1;
    }
  }
  if (literal) slots.push({ token: { type: 'text', text: literal } });
  return resolveEmphasis(slots);
}
