/** Letters that Unicode decomposition does not reduce to ASCII. */
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

/** Strips diacritics and unifies dashes, quotes and whitespace; keeps letter case. */
function foldKeepingCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßđðłþıØÆŒĐÐŁÞ]/gu, (ch) => {
      const folded = EXTRA_FOLDS[ch.toLowerCase()] ?? ch;
      return ch === ch.toLowerCase() ? folded : folded.toUpperCase();
    })
    .replace(DASHES, '-')
    .replace(/[\u2018\u2019\u201B`\u00B4]/gu, "'")
    .replace(/[\u201C\u201D\u201E]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * A comparison key: folded text where punctuation becomes a single space, so that
 * "2019–2022", "2019 - 2022" and "2019-2022" compare equal, as do "Node.js" and "node js".
 * `+ # & /` stay because they carry meaning in names such as C++, C#, R&D and CI/CD.
 */
export function matchKey(text: string): string {
  return caseSensitiveMatchKey(text).toLowerCase();
}

/** Any character outside ASCII (control characters are ASCII too: none of them is folded). */
const NON_ASCII = /[^\p{ASCII}]/u;

/** `matchKey` without lower-casing, for names that are ordinary words in lower case ("Go", "React"). */
export function caseSensitiveMatchKey(text: string): string {
  // ASCII has nothing to fold (the backtick would become a quote, which is punctuation too): the same key, cheaper.
  if (!NON_ASCII.test(text)) return text.replace(/[^A-Za-z0-9+#&/]+/gu, ' ').trim();
  return foldKeepingCase(text)
    .replace(/[^\p{L}\p{N}+#&/]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Index of the first whole-token occurrence of one match key in another, or -1. */
export function indexOfKey(haystackKey: string, needleKey: string): number {
  if (needleKey.length === 0) return -1;
  let from = 0;
  for (;;) {
    const at = haystackKey.indexOf(needleKey, from);
    if (at < 0) return -1;
    const before = at === 0 ? ' ' : haystackKey[at - 1];
    const afterIndex = at + needleKey.length;
    const after = afterIndex >= haystackKey.length ? ' ' : haystackKey[afterIndex];
    if (before === ' ' && after === ' ') return at;
    from = at + 1;
  }
}

/** Whole-token containment of one match key in another (both produced by `matchKey`). */
export function containsKey(haystackKey: string, needleKey: string): boolean {
  return indexOfKey(haystackKey, needleKey) >= 0;
}
