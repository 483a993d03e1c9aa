// How deep the element tree of an HTML page is, found in one pass before html-to-text parses it. Its parser
// (htmlparser2) spends time proportional to the depth on every tag and its converter recurses once per level, so a
// page of a million nested <div>s took minutes and 10,000 overflowed the stack. The tree rules below are htmlparser2's
// (tags that close others, void elements, self-closing tags inside <svg> and <math>, raw-text elements), so the count
// matches the tree it would build rather than penalising unclosed <p> or <li>.

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DEFINITION = new Set(['dd', 'dt']);
const RUBY = new Set(['rt', 'rp']);
const CLOSED_BY = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DEFINITION],
  ['dt', DEFINITION],
  ['rt', RUBY],
  ['rp', RUBY],
  ['tbody', TABLE_SECTION],
  ['tfoot', TABLE_SECTION],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((tag) => [tag, FORM] as const),
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((tag) => [tag, P] as const),
]);
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
const RAW_TEXT_END = new Map(
  ['script', 'style', 'title', 'textarea', 'xmp'].map((tag) => [tag, new RegExp(`</${tag}`, 'giu')] as const),
);

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';
}

/** Where a start tag's attributes end (after its `>`), and whether it ends in `/>`. Quoted values may hold `>`. */
function endOfStartTag(html: string, from: number): { end: number; selfClosing: boolean } {
  let at = from;
  while (at < html.length) {
    const char = html[at];
    if (char === '>') return { end: at + 1, selfClosing: html[at - 1] === '/' && at - 1 >= from };
    if (char === '=') {
      at += 1;
      while (isSpace(html[at])) at += 1;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        at = close < 0 ? html.length : close + 1;
      } else {
        while (at < html.length && !isSpace(html[at]) && html[at] !== '>') at += 1;
        // An unquoted value ending in "/" ("href=/a/>") does not make the tag self-closing.
        if (html[at] === '>') return { end: at + 1, selfClosing: false };
      }
      continue;
    }
    at += 1;
  }
  return { end: html.length, selfClosing: false };
}

/**
 * The deepest element nesting of `html`, read in linear time; it stops counting once the depth passes `stopAbove`
 * (the caller's limit), so a hostile page costs no more than a normal one.
 */
export function htmlNestingDepth(html: string, stopAbove: number): number {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const foreign: boolean[] = [false];
  let deepest = 0;

  const push = (name: string): void => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    deepest = Math.max(deepest, stack.length);
  };
  const pop = (): string | undefined => {
    const name = stack.pop();
    if (name !== undefined) openCount.set(name, (openCount.get(name) ?? 1) - 1);
    return name;
  };

  let at = 0;
  while (at < html.length && deepest <= stopAbove) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    const next = html[lt + 1];
    if (next === '!' || next === '?') {
      const terminator = html.startsWith('<!--', lt) ? '-->' : html.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const end = html.indexOf(terminator, lt + 2);
      at = end < 0 ? html.length : end + terminator.length;
      continue;
    }
    const closing = next === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isLetter(html.charCodeAt(nameStart))) {
      // "a < b" is text; "</ >" is a bogus comment up to the next ">".
      const end = closing ? html.indexOf('>', lt) : -1;
      at = closing && end >= 0 ? end + 1 : lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length && !isSpace(html[nameEnd]) && html[nameEnd] !== '/' && html[nameEnd] !== '>') {
      nameEnd += 1;
    }
    const name = html.slice(nameStart, nameEnd).toLowerCase();

    if (closing) {
      const end = html.indexOf('>', nameEnd);
      at = end < 0 ? html.length : end + 1;
      if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) foreign.pop();
      if (VOID.has(name)) continue;
      if ((openCount.get(name) ?? 0) > 0) while (pop() !== name);
      // A stray </p> is read as an empty <p></p>.
      else if (name === 'p') deepest = Math.max(deepest, stack.length + 1);
      continue;
    }

    const { end, selfClosing } = endOfStartTag(html, nameEnd);
    at = end;
    const closes = CLOSED_BY.get(name);
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1] ?? '')) pop();
    if (!VOID.has(name)) {
      push(name);
      if (FOREIGN.has(name)) foreign.push(true);
      else if (HTML_INTEGRATION.has(name)) foreign.push(false);
    }
    if (selfClosing) {
      if (foreign[foreign.length - 1] === true && stack[stack.length - 1] === name) pop();
      continue;
    }
    const rawTextEnd = RAW_TEXT_END.get(name);
    if (rawTextEnd) {
      rawTextEnd.lastIndex = at;
      at = rawTextEnd.exec(html)?.index ?? html.length;
    }
  }
  return deepest;
}
