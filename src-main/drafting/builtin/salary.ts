import type { Salary } from '@contract';

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const CODES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'INR', 'SGD'];
const PREFIXED_DOLLARS: Record<string, string> = {
  US$: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  S$: 'SGD',
};

const CURRENCY = `(?:US\\$|CA\\$|C\\$|AU?\\$|NZ\\$|S\\$|[€$£¥₹]|(?:${CODES.join('|')})(?![A-Za-z]))`;
const AMOUNT = "(\\d{1,3}(?:[.,'\u2019\\u00A0\\u202F ]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s?([kK]|[mM](?![a-z]))?";
/** "/yr", "per hour", "a year" right after an amount, so "£85,000/yr - £105,000/yr" still reads as one range. */
const UNIT =
  '(?:\\s?(?:/|per|an?|pro|par|por)\\s?(?:yr|year|annum|hour|hr|h|day|month|mo|week|wk|jahr|stunde|tag|monat|an|heure|jour|mois|a[ñn]o|hora|d[ií]a|mes)\\b)?';
const MONEY = `(${CURRENCY})?\\s?${AMOUNT}\\s?(${CURRENCY})?${UNIT}`;
const RANGE = new RegExp(`${MONEY}(?:\\s*(?:[-\\u2010-\\u2015]|to|and|bis|und|à|a|et|y)\\s*${MONEY})?`, 'gu');

const PERIODS: [RegExp, Salary['period']][] = [
  [
    /(?:\b(?:per|an?|pro|par|por)\s?|\/\s?)(?:hour|hr|h|stunde|heure|hora)\b|\bhourly\b|\bstundenlohn|\bhoraire\b|\bstündlich/iu,
    'hour',
  ],
  [
    /(?:\b(?:per|an?|pro|par|por)\s?|\/\s?)(?:day|tag|jour|d[ií]a)\b|\bdaily\b|\bday rate\b|\btagessatz|\btjm\b|\bjournalier\b|\bdiario\b/iu,
    'day',
  ],
  [/(?:\b(?:per|an?|pro|par|por)\s?|\/\s?)(?:week|wk|woche|semaine|semana)\b|\bweekly\b|\bwöchentlich/iu, 'week'],
  [
    /(?:\b(?:per|an?|pro|par|por)\s?|\/\s?)(?:month|mo|monat|mois|mes)\b|\bmonthly\b|\bp\.?\s?m\.?(?!\w)|\bmonat|\bmensuel|\bmensual/iu,
    'month',
  ],
  [
    /(?:\b(?:per|an?|pro|par|por)\s?|\/\s?)(?:year|yr|annum|jahr|an|année|a[ñn]o)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.?\s?a\.?(?!\w)|\bjahr|\bj[äa]hrlich|\bannuel|\banual|\bbrut annuel/iu,
    'year',
  ],
];

/** How long or how often people work ("five days a week", "20 Stunden pro Woche"): not how often they are paid. */
const SCHEDULE =
  /\b(?:\d{1,2}(?:[.,]\d)?|one|two|three|four|five|six|seven|zwei|drei|vier|fünf|deux|trois|quatre|cinq|dos|tres|cuatro|cinco)(?:\s*[-–]\s*\d{1,2})?\s*(?:full\s+)?(?:days?|hours?|hrs?|tage?n?|stunden|jours?|heures?|d[ií]as?|horas?)\b[^.;\n]{0,25}?\b(?:a|per|pro|par|por|each|every|in\s+the|in\s+der|\/)\s*(?:week|woche|semaine|semana)\b/giu;

const SALARY_WORDS =
  /\b(?:salary|compensation|pay|remuneration|wage|rate|base|salaire|salario|sueldo|retribuci[oó]n|r[ée]mun[ée]ration|tjm)\b|(?:gehalt|vergütung|lohn)/iu;

function currencyCode(token: string | undefined): string | null {
  if (!token) return null;
  const trimmed = token.trim();
  return PREFIXED_DOLLARS[trimmed] ?? SYMBOLS[trimmed] ?? (CODES.includes(trimmed) ? trimmed : null);
}

function amountValue(digits: string | undefined, multiplier: string | undefined): number | null {
  if (!digits) return null;
  // Groups of exactly three digits after a separator are thousands ("60,000", "60.000", "60 000", "60'000").
  const isGrouped = /^\d{1,3}(?:[.,'\u2019\u00A0\u202F ]\d{3})+$/u.test(digits);
  const value = isGrouped ? Number(digits.replace(/\D/gu, '')) : Number(digits.replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const factor = multiplier?.toLowerCase() === 'k' ? 1_000 : multiplier?.toLowerCase() === 'm' ? 1_000_000 : 1;
  // Cents stay ("17,50 € pro Stunde" is 17.5), fractions of a cent do not.
  return Math.round(value * factor * 100) / 100;
}

/** The pay period: said right after the amounts, else elsewhere on the line, else guessed from the amount. */
function periodOf(near: string, line: string, amount: number): Salary['period'] {
  for (const text of [near, line]) {
    for (const [pattern, period] of PERIODS) if (pattern.test(text)) return period;
  }
  if (amount < 200) return 'hour';
  if (amount < 1_000) return 'day';
  if (amount < 20_000) return 'month';
  return 'year';
}

function salaryInLine(raw: string): Salary | null {
  const line = raw.replace(SCHEDULE, ' ');
  const mentionsSalary = SALARY_WORDS.test(line);
  for (const match of line.matchAll(RANGE)) {
    const [, cur1, num1, mul1, cur2, cur3, num2, mul2, cur4] = match;
    const currency = currencyCode(cur1) ?? currencyCode(cur2) ?? currencyCode(cur3) ?? currencyCode(cur4);
    if (!currency && !mentionsSalary) continue;
    // "60-75k": the multiplier of the second amount applies to the first.
    const first = amountValue(num1, mul1 ?? (num2 ? mul2 : undefined));
    const second = amountValue(num2, mul2);
    if (first === null || first < 7) continue;
    if (!currency && first < 1_000 && !mul1) continue;
    const min = second !== null ? Math.min(first, second) : first;
    const max = second !== null ? Math.max(first, second) : null;
    const upTo = second === null && /\b(?:up to|max(?:imum)?|bis zu)\b/iu.test(line);
    return {
      min: upTo ? null : min,
      max: upTo ? min : max,
      currency,
      period: periodOf(line.slice(match.index, match.index + match[0].length + 30), line, max ?? min),
    };
  }
  return null;
}

/** The pay range stated in a posting ("€60,000–75,000 a year", "$120k-$150k"), preferring lines that say salary. */
export function parseSalary(text: string): Salary | null {
  const lines = text.split('\n');
  const salaryLines = lines.filter((l) => SALARY_WORDS.test(l));
  for (const line of [...salaryLines, ...lines]) {
    const salary = salaryInLine(line);
    if (salary) return salary;
  }
  return null;
}
