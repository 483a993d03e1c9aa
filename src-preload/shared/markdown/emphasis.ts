import type { InlineToken } from './inline';
import { isSpace, isWordChar } from './scan';

type Mark = '*' | '_';

/** A run of `*` or `_` and whether it may open or close emphasis. */
interface Run {
  char: Mark;
  canOpen: boolean;
  canClose: boolean;
  /** `**` pairs with `**` as strong even next to a space (`**Skills: **Go`), as drafts have always had it. */
  loose: boolean;
}

/** One piece of a line before emphasis is resolved: a finished token, or a delimiter run (as its text). */
export interface Slot {
  token: InlineToken;
  run?: Run;
}

/**
 * The run of `*` or `_` starting at `at`. Flanking is CommonMark's, simplified: a run opens before a
 * non-space and closes after one, and `_` never opens or closes inside a word (snake_case stays text).
 */
export function delimiterRun(text: string, at: number): { token: { type: 'text'; text: string }; run: Run } {
  const char = text[at] === '_' ? '_' : '*';
  let end = at + 1;
  while (text[end] === char) end++;
  const before = text[at - 1] ?? '';
  const after = text[end] ?? '';
  return {
    token: { type: 'text', text: text.slice(at, end) },
    run: {
      char,
      canOpen: after !== '' && !isSpace(after) && (char === '*' || !isWordChar(before)),
      canClose: before !== '' && !isSpace(before) && (char === '*' || !isWordChar(after)),
      loose: char === '*' && end - at >= 2,
    },
  };
}

interface Node {
  token: InlineToken;
  prev: Node | null;
  next: Node | null;
}

interface Delimiter extends Run {
  /** Order of appearance: searches for an opener stop below a known bottom. */
  index: number;
  count: number;
  node: Node;
  /** The node's token: the marks not yet used. */
  marks: { type: 'text'; text: string };
  prev: Delimiter | null;
  next: Delimiter | null;
}

function unlinkNode(node: Node): void {
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
}

function unlinkDelimiter(d: Delimiter): void {
  if (d.prev) d.prev.next = d.next;
  if (d.next) d.next.prev = d.prev;
}

/** Adds a token to a list, joining text to the text before it; empty text adds nothing. */
function append(tokens: InlineToken[], token: InlineToken): void {
  const last = tokens[tokens.length - 1];
  if (token.type === 'text' && token.text === '') return;
  if (token.type === 'text' && last?.type === 'text')
    tokens[tokens.length - 1] = { type: 'text', text: last.text + token.text };
  else tokens.push(token);
}

/** Tokens of a node chain, up to (not including) `until`. */
function collect(from: Node | null, until: Node | null): InlineToken[] {
  const tokens: InlineToken[] = [];
  for (let n = from; n && n !== until; n = n.next) append(tokens, n.token);
  return tokens;
}

/** Wraps what lies between opener and closer in strong or em. */
function wrap(opener: Delimiter, closer: Delimiter, type: 'strong' | 'em'): void {
  const node: Node = {
    token: { type, children: collect(opener.node.next, closer.node) },
    prev: opener.node,
    next: closer.node,
  };
  opener.node.next = node;
  closer.node.prev = node;
}

/** Emphasis deeper than this shows nothing more; bounding it lets every reader of the tree recurse safely. */
const MAX_NESTING = 8;

/** The tokens with strong and em taken out, in order (iterative: the tree may be deep). */
function withoutEmphasis(tokens: readonly InlineToken[]): InlineToken[] {
  const out: InlineToken[] = [];
  const stack: { tokens: readonly InlineToken[]; at: number }[] = [{ tokens, at: 0 }];
  for (let top = stack.at(-1); top; top = stack.at(-1)) {
    const token = top.tokens[top.at++];
    if (token === undefined) stack.pop();
    else if (token.type === 'strong' || token.type === 'em') stack.push({ tokens: token.children, at: 0 });
    else append(out, token);
  }
  return out;
}

function limitNesting(tokens: InlineToken[], depth = 1): InlineToken[] {
  for (const token of tokens) {
    if (token.type !== 'strong' && token.type !== 'em') continue;
    token.children = depth < MAX_NESTING ? limitNesting(token.children, depth + 1) : withoutEmphasis(token.children);
  }
  return tokens;
}

const pairsLoosely = (d: Delimiter): boolean => d.loose && d.count >= 2;

function pairs(opener: Delimiter, closer: Delimiter): boolean {
  if (opener.char !== closer.char) return false;
  return (opener.canOpen && closer.canClose) || (pairsLoosely(opener) && pairsLoosely(closer));
}

/**
 * Pairs delimiter runs into strong and em, as CommonMark's "process emphasis" does (without its rule of
 * three, and with loose `**`): each closer takes the nearest opener it pairs with; runs left over stay literal.
 * Every delimiter is passed over a bounded number of times, so this is linear.
 */
export function resolveEmphasis(slots: readonly Slot[]): InlineToken[] {
  const head: Node = { token: { type: 'text', text: '' }, prev: null, next: null };
  let tail = head;
  let first: Delimiter | null = null;
  let last: Delimiter | null = null;
  for (const [index, slot] of slots.entries()) {
    const node: Node = { token: slot.token, prev: tail, next: null };
    tail.next = node;
    tail = node;
    if (!slot.run || node.token.type !== 'text') continue;
    const { char, canOpen, canClose, loose } = slot.run;
    const d: Delimiter = {
      char,
      canOpen,
      canClose,
      loose,
      index,
      count: node.token.text.length,
      node,
      marks: node.token,
      prev: last,
      next: null,
    };
    if (last) last.next = d;
    else first = d;
    last = d;
  }

  const bottom = new Map<string, number>();
  let closer: Delimiter | null = first;
  while (closer) {
    if (!closer.canClose && !pairsLoosely(closer)) {
      closer = closer.next;
      continue;
    }
    // Openers below a failed search stay unusable for closers of the same kind: their set only shrinks.
    const kind = `${closer.char}${closer.canClose ? 'strict' : ''}${pairsLoosely(closer) ? 'loose' : ''}`;
    const floor = bottom.get(kind) ?? -1;
    let opener: Delimiter | null = closer.prev;
    while (opener && opener.index > floor && !pairs(opener, closer)) opener = opener.prev;
    if (!opener || opener.index <= floor) {
      bottom.set(kind, closer.index - 1);
      const next: Delimiter | null = closer.next;
      if (!closer.canOpen && !pairsLoosely(closer)) unlinkDelimiter(closer);
      closer = next;
      continue;
    }
    // Two marks from each side make strong, one makes em.
    const used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    opener.count -= used;
    closer.count -= used;
    opener.marks.text = closer.char.repeat(opener.count);
    closer.marks.text = closer.char.repeat(closer.count);
    wrap(opener, closer, used === 2 ? 'strong' : 'em');
    opener.next = closer;
    closer.prev = opener;
    if (opener.count === 0) {
      unlinkNode(opener.node);
      unlinkDelimiter(opener);
    }
    if (closer.count === 0) {
      const next: Delimiter | null = closer.next;
      unlinkNode(closer.node);
      unlinkDelimiter(closer);
      closer = next;
    }
  }
  return limitNesting(collect(head.next, null));
}
