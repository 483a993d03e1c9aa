/**
 * Whole-token containment queries against one large match key (see `matchKey`), in time proportional to the
 * needle: the haystack is split into tokens once, and each token's positions are kept, so a draft of many words
 * can be checked against a long source without re-reading the source for every word.
 */
export class KeyIndex {
  private readonly tokens: string[];
  private readonly positions = new Map<string, number[]>();
  private readonly answers = new Map<string, boolean>();

  constructor(haystackKey: string) {
    this.tokens = haystackKey.length === 0 ? [] : haystackKey.split(' ');
    this.tokens.forEach((token, at) => {
      const list = this.positions.get(token);
      if (list) list.push(at);
      else this.positions.set(token, [at]);
    });
  }

  /** Same answer as `containsKey(haystackKey, needleKey)`. */
  has(needleKey: string): boolean {
    if (needleKey.length === 0) return false;
    const known = this.answers.get(needleKey);
    if (known !== undefined) return known;
    const answer = this.find(needleKey.split(' '));
    this.answers.set(needleKey, answer);
    return answer;
  }

  private find(needle: readonly string[]): boolean {
    // Start from the needle's rarest token: its positions are the only places the needle can be.
    let pivot = 0;
    let pivotPositions: number[] | undefined;
    for (let i = 0; i < needle.length; i += 1) {
      const list = this.positions.get(needle[i] ?? '');
      if (!list) return false;
      if (!pivotPositions || list.length < pivotPositions.length) {
        pivot = i;
        pivotPositions = list;
      }
    }
    if (!pivotPositions) return false;
    if (needle.length === 1) return true;
    return pivotPositions.some((at) => {
      const start = at - pivot;
      if (start < 0 || start + needle.length > this.tokens.length) return false;
      return needle.every((token, i) => this.tokens[start + i] === token);
    });
  }
}

/**
 * Finds which of a fixed set of keys occur (whole tokens) in a text key, by walking a token trie from each token of
 * the text: linear in the text for keys of bounded length. Keys longer than `maxTokens` are never found.
 */
export class KeySet {
  private readonly root: TrieNode = { next: new Map(), key: null };
  private readonly maxTokens: number;

  constructor(keys: Iterable<string>, maxTokens = 12) {
    this.maxTokens = maxTokens;
    for (const key of keys) {
      if (key.length === 0) continue;
      const tokens = key.split(' ');
      if (tokens.length > maxTokens) continue;
      let node = this.root;
      for (const token of tokens) {
        let child = node.next.get(token);
        if (!child) {
          child = { next: new Map(), key: null };
          node.next.set(token, child);
        }
        node = child;
      }
      node.key = key;
    }
  }

  /** The keys that occur in `textKey`. */
  foundIn(textKey: string): Set<string> {
    const found = new Set<string>();
    if (textKey.length === 0 || this.root.next.size === 0) return found;
    const tokens = textKey.split(' ');
    for (let start = 0; start < tokens.length; start += 1) {
      let node: TrieNode | undefined = this.root;
      for (let i = start; i < tokens.length && i - start < this.maxTokens; i += 1) {
        node = node.next.get(tokens[i] ?? '');
        if (!node) break;
        if (node.key !== null) found.add(node.key);
      }
    }
    return found;
  }
}

interface TrieNode {
  next: Map<string, TrieNode>;
  key: string | null;
}
