import type { ExperienceEntry } from '@contract';
import { matchKey } from '../../text/fold';

/** A bullet's distinctive words: longer than three letters, folded. */
export function bulletWords(text: string): Set<string> {
  return new Set(
    matchKey(text)
      .split(' ')
      .filter((w) => w.length > 3),
  );
}

/**
 * How closely a draft bullet reads like the record's bullets of given entries: the best share of words it has in
 * common with one of them. The record's bullets are indexed by word once, so each draft bullet only meets the
 * bullets that share a word with it.
 */
export class BulletOverlap {
  private readonly sizes: number[] = [];
  private readonly owners: ExperienceEntry[] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(entries: readonly ExperienceEntry[]) {
    for (const entry of entries) {
      for (const bullet of entry.bullets) {
        const words = bulletWords(bullet);
        if (words.size === 0) continue;
        const id = this.sizes.length;
        this.sizes.push(words.size);
        this.owners.push(entry);
        for (const word of words) {
          const list = this.byWord.get(word);
          if (list) list.push(id);
          else this.byWord.set(word, [id]);
        }
      }
    }
  }

  /** The best overlap (0…1) of `words` with a bullet of one of `own`, and with a bullet of any other entry. */
  best(words: ReadonlySet<string>, own: readonly ExperienceEntry[]): { mine: number; theirs: number } {
    const shared = new Map<number, number>();
    for (const word of words) for (const id of this.byWord.get(word) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let mine = 0;
    let theirs = 0;
    for (const [id, count] of shared) {
      const overlap = count / Math.min(words.size, this.sizes[id] ?? 1);
      const owner = this.owners[id];
      if (owner && own.includes(owner)) mine = Math.max(mine, overlap);
      else theirs = Math.max(theirs, overlap);
    }
    return { mine, theirs };
  }
}
