import { BIRTH_DATE, EMAIL, PHONE_CANDIDATE, URL, isPhone } from './pii-patterns';

export type PiiKind = 'PERSON' | 'EMAIL' | 'PHONE' | 'ADDRESS' | 'BIRTHDATE' | 'URL';

/** The candidate's own identifiers, from the stored profile and record (see candidate-identifiers.ts). */
export interface CandidateIdentifiers {
  names: string[];
  emails: string[];
  phones: string[];
  addresses: string[];
  birthDates: string[];
  urls: string[];
}

/** `[[EMAIL_1]]`: a kind and a number, nothing else (so a restored answer cannot be mistaken). */
export const PLACEHOLDER = /\[\[([A-Z]+)_(\d+)\]\]/gu;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** Not inside a longer word: "Ana" is not masked in "Banana". */
const literal = (value: string) => `(?<![\\p{L}\\p{N}])${escapeRegex(value)}(?![\\p{L}\\p{N}])`;

/** A name part worth masking on its own: a word of at least 3 letters. */
const NAME_PART = /^[\p{L}'-]{3,}$/u;

/**
 * Replaces a candidate's identifiers by stable placeholders (`[[PERSON_1]]`, `[[EMAIL_1]]`) and restores them.
 * The same value always gets the same placeholder within one masker (one request), so a model can refer to it.
 */
export class PiiMasker {
  private readonly placeholderOf = new Map<string, string>();
  private readonly valueOf = new Map<string, string>();
  private readonly counts = new Map<PiiKind, number>();
  private readonly literals: { pattern: RegExp; kind: PiiKind; value: string }[];

  constructor(ids: CandidateIdentifiers) {
    const entries: { kind: PiiKind; value: string }[] = [];
    const add = (kind: PiiKind, values: readonly string[]) => {
      for (const raw of values) {
        const value = raw.trim();
        if (value.length >= 3) entries.push({ kind, value });
      }
    };
    add('PERSON', ids.names);
    add(
      'PERSON',
      ids.names.flatMap((n) => n.split(/\s+/u).filter((p) => NAME_PART.test(p))),
    );
    add('EMAIL', ids.emails);
    add('PHONE', ids.phones);
    add('ADDRESS', ids.addresses);
    add('BIRTHDATE', ids.birthDates);
    add('URL', ids.urls);
    // Longest first, so a full name is replaced before its parts.
    entries.sort((a, b) => b.value.length - a.value.length);
    this.literals = entries.map((e) => ({ ...e, pattern: new RegExp(literal(e.value), 'giu') }));
  }

  /** Identifiers in `text` replaced by placeholders. */
  mask(text: string): string {
    // Whole emails and links first, so a name inside one does not split it.
    let out = text.replace(EMAIL, (m) => this.placeholder('EMAIL', m));
    out = out.replace(URL, (m) => this.placeholder('URL', m));
    for (const { pattern, kind, value } of this.literals)
      out = out.replace(pattern, () => this.placeholder(kind, value));
    out = out.replace(PHONE_CANDIDATE, (m) => (isPhone(m) ? this.placeholder('PHONE', m) : m));
    out = out.replace(BIRTH_DATE, (m, date: string) => m.replace(date, this.placeholder('BIRTHDATE', date)));
    return out;
  }

  /** Placeholders in `text` replaced by what they stand for; inside a JSON string when `json` (escaped). */
  unmask(text: string, json = false): string {
    return text.replace(PLACEHOLDER, (m) => {
      const value = this.valueOf.get(m);
      if (value === undefined) return m;
      return json ? JSON.stringify(value).slice(1, -1) : value;
    });
  }

  /** How many distinct values were masked so far. */
  get size(): number {
    return this.valueOf.size;
  }

  private placeholder(kind: PiiKind, value: string): string {
    const key = `${kind}\u0000${kind === 'PHONE' || kind === 'BIRTHDATE' ? value : value.toLowerCase()}`;
    const known = this.placeholderOf.get(key);
    if (known) return known;
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    const placeholder = `[[${kind}_${n}]]`;
    this.placeholderOf.set(key, placeholder);
    this.valueOf.set(placeholder, value);
    return placeholder;
  }
}

/** The start of an end of `text` that could be the beginning of a placeholder split across chunks. */
const PARTIAL_PLACEHOLDER = /\[(?:\[(?:[A-Z]+(?:_(?:\d+\]?)?)?)?)?$/u;

/**
 * Restores placeholders in a stream of text deltas. A placeholder split across chunks is completed first: an end
 * that could be the start of one is held back until the next chunk (or the end of the stream) tells.
 */
export class StreamRestorer {
  private pending = '';

  constructor(
    private readonly masker: PiiMasker,
    private readonly emit: (text: string) => void,
    private readonly json = false,
  ) {}

  push(chunk: string): void {
    const text = this.pending + chunk;
    const held = text.search(PARTIAL_PLACEHOLDER);
    const cut = held === -1 ? text.length : held;
    this.pending = text.slice(cut);
    if (cut > 0) this.emit(this.masker.unmask(text.slice(0, cut), this.json));
  }

  end(): void {
    if (this.pending === '') return;
    const rest = this.pending;
    this.pending = '';
    this.emit(this.masker.unmask(rest, this.json));
  }
}
