import { matchKey } from '../text/fold';

const STOPWORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'with',
    'for',
    'you',
    'we',
    'our',
    'is',
    'are',
    'will',
    'your',
    'a',
    'an',
    'on',
    'as',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'mit',
    'für',
    'sie',
    'wir',
    'ist',
    'sind',
    'ein',
    'eine',
    'zu',
    'von',
    'auf',
    'ihre',
    'du',
    'bei',
  ],
  fr: [
    'de',
    'à',
    'en',
    'ou',
    'aux',
    'qui',
    'le',
    'la',
    'les',
    'et',
    'des',
    'du',
    'une',
    'un',
    'pour',
    'avec',
    'vous',
    'nous',
    'est',
    'sont',
    'dans',
    'sur',
    'votre',
    'au',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'de',
    'del',
    'con',
    'para',
    'por',
    'una',
    'un',
    'es',
    'en',
    'tu',
    'nuestro',
    'se',
    'que',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'met',
    'voor',
    'je',
    'wij',
    'we',
    'is',
    'zijn',
    'op',
    'jouw',
    'bij',
    'ons',
    'naar',
    'die',
  ],
  it: [
    'il',
    'lo',
    'la',
    'gli',
    'le',
    'e',
    'di',
    'del',
    'con',
    'per',
    'una',
    'un',
    'sono',
    'nel',
    'che',
    'tua',
    'nostro',
    'della',
  ],
  pt: [
    'o',
    'os',
    'as',
    'e',
    'de',
    'do',
    'da',
    'com',
    'para',
    'uma',
    'um',
    'são',
    'na',
    'no',
    'que',
    'sua',
    'nosso',
    'em',
  ],
};

const CODES = Object.keys(STOPWORDS);
let languagesOf: Map<string, number[]> | null = null;

/** Each stopword's key and the languages (indexes into CODES) it counts for; folded on first use, not at load. */
function stopwordLanguages(): Map<string, number[]> {
  if (languagesOf) return languagesOf;
  const map = new Map<string, number[]>();
  Object.values(STOPWORDS).forEach((words, index) => {
    for (const key of new Set(words.map(matchKey))) map.set(key, [...(map.get(key) ?? []), index]);
  });
  languagesOf = map;
  return map;
}

/** Characters read: far more than any posting needs to show its language (a 5 MB text took 0.3 s). */
const SAMPLE_CHARS = 100_000;

/** Where the sample ends: the first space or line break from SAMPLE_CHARS on, so no word is cut. */
function sampleEnd(text: string): number {
  for (let i = SAMPLE_CHARS; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 32) return i;
  }
  return text.length;
}

/**
 * ISO 639-1 code of the text's language among en, de, fr, es, nl, it and pt, by stopword counts in its first
 * SAMPLE_CHARS characters (to the end of the word they end in, also on one long line); "en" when unsure.
 */
export function detectLanguage(text: string): string {
  const sample = text.length <= SAMPLE_CHARS ? text : text.slice(0, sampleEnd(text));
  const counts = CODES.map(() => 0);
  const stopwords = stopwordLanguages();
  // Line by line: no token spans a line break.
  for (const line of sample.split('\n')) {
    for (const token of matchKey(line).split(' ')) {
      const languages = stopwords.get(token);
      if (languages) for (const i of languages) counts[i]!++;
    }
  }
  let best = { code: 'en', count: 0 };
  CODES.forEach((code, i) => {
    if (counts[i]! > best.count) best = { code, count: counts[i]! };
  });
  return best.code;
}
