// Numbers as a draft states them: digits (with %, currency, k/m/bn suffixes, thousands separators) and number
// words in English, German, French and Spanish. Each yields every value it may mean, so "1.200" (German thousands)
// and "1.2" both match, as do "$1.2M" and "1,200,000".

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  dozens: 12,
  twice: 2,
  thrice: 3,
  double: 2,
  doubled: 2,
  triple: 3,
  tripled: 3,
  quadrupled: 4,
  half: 0.5,
  halved: 0.5,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwanzig: 20,
  hundert: 100,
  verdoppelt: 2,
  halbiert: 0.5,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  douze: 12,
  vingt: 20,
  cent: 100,
  doublé: 2,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
  veinte: 20,
  cien: 100,
  duplicado: 2,
};
const WORD_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(WORDS).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const DIGITS =
  /(?<![\p{L}\p{N}.,/])(\d{1,3}(?:[,.' ]\d{3})+|\d+(?:[.,]\d+)?)\s*(k|m|mn|bn|million|millionen|millions|billion|milliarden|thousand|tausend|mio\.?|mrd\.?)?(?![\p{L}\d])/giu;
const MULTIPLIER: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  tausend: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  millionen: 1e6,
  millions: 1e6,
  mio: 1e6,
  'mio.': 1e6,
  bn: 1e9,
  billion: 1e9,
  milliarden: 1e9,
  mrd: 1e9,
  'mrd.': 1e9,
};

export interface NumberMention {
  text: string;
  index: number;
  values: number[];
}

function readings(digits: string): number[] {
  const plain = digits.replace(/[' ]/gu, '');
  const values = new Set<number>();
  if (/^\d{1,3}(?:[,.]\d{3})+$/u.test(plain)) values.add(Number(plain.replace(/[,.]/gu, '')));
  values.add(Number(plain.replace(',', '.')));
  return [...values].filter((v) => Number.isFinite(v));
}

// Dates, emails, phone numbers, URLs and language levels ("C1") are not metrics: blanked (same length) before reading
// numbers. An email starts where a word starts, so a long run without "@" is read once.
const NOT_METRICS =
  /(?<![^\s@])[^\s@]+@\S+|https?:\/\/\S+|\+?\d[\d ()-]{7,}\d|(?<!\d)\d{1,2}[/.](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}(?:-\d{1,2})?|(?<!\d)\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d{2}/gu;

/** Every number in a text except years, dates and contact details (dates are checked on their own). */
export function findNumbers(raw: string): NumberMention[] {
  const text = raw.replace(NOT_METRICS, (m) => ' '.repeat(m.length));
  const found: NumberMention[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const digits = m[1] ?? '';
    if (/^(?:19|20)\d{2}$/u.test(digits)) continue;
    const base = readings(digits);
    const factor = MULTIPLIER[(m[2] ?? '').toLowerCase()];
    const values = factor ? [...base, ...base.map((v) => v * factor)] : base;
    found.push({ text: m[0].trim(), index: m.index, values });
  }
  for (const m of text.matchAll(WORD_PATTERN)) {
    const value = WORDS[(m[1] ?? '').toLowerCase()];
    if (value !== undefined) found.push({ text: m[0], index: m.index, values: [value] });
  }
  return found;
}

/** All values the numbers of a text may mean, for support lookups. */
export function numberValues(text: string): Set<number> {
  return new Set(findNumbers(text).flatMap((n) => n.values));
}

export function isSupportedNumber(mention: NumberMention, supported: ReadonlySet<number>): boolean {
  return mention.values.some((v) => supported.has(v));
}
