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
const AMOUNT = '(\\d{1,3}(?:[.,\\u00A0\\u202F ]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s?([kK]|[mM](?![a-z]))?';
const MONEY = `(${CURRENCY})?\\s?${AMOUNT}\\s?(${CURRENCY})?`;
const RANGE = new RegExp(`${MONEY}(?:\\s*(?:[-\\u2010-\\u2015]|to|and|bis|à|a)\\s*${MONEY})?`, 'gu');

const PERIODS: [RegExp, Salary['period']][] = [
  [/\b(?:per|an?|\/)\s?(?:hour|hr)\b|\bhourly\b|\bstunde\b/iu, 'hour'],
  [/\b(?:per|an?|\/)\s?day\b|\bdaily\b|\bday rate\b|\btagessatz\b/iu, 'day'],
  [/\b(?:per|an?|\/)\s?week\b|\bweekly\b/iu, 'week'],
  [/\b(?:per|an?|\/)\s?(?:month|mo)\b|\bmonthly\b|\bp\.?\s?m\.?(?!\w)|\bmonat/iu, 'month'],
  [/\b(?:per|an?|\/)\s?(?:year|yr|annum)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.?\s?a\.?(?!\w)|\bjahr/iu, 'year'],
];

const SALARY_WORDS = /\b(?:salary|compensation|pay|remuneration|wage|rate|gehalt|vergütung|salaire|salario|base)\b/iu;

function currencyCode(token: string | undefined): string | null {
  if (!token) return null;
  const trimmed = token.trim();
  return PREFIXED_DOLLARS[trimmed] ?? SYMBOLS[trimmed] ?? (CODES.includes(trimmed) ? trimmed : null);
}

function amountValue(digits: string | undefined, multiplier: string | undefined): number | null {
  if (!digits) return null;
  // Groups of exactly three digits after a separator are thousands ("60,000", "60.000", "60 000").
  const isGrouped = /^\d{1,3}(?:[.,\u00A0\u202F ]\d{3})+$/u.test(digits);
  const value = isGrouped ? Number(digits.replace(/\D/gu, '')) : Number(digits.replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const factor = multiplier?.toLowerCase() === 'k' ? 1_000 : multiplier?.toLowerCase() === 'm' ? 1_000_000 : 1;
  return Math.round(value * factor);
}

function periodOf(line: string, amount: number): Salary['period'] {
  for (const [pattern, period] of PERIODS) if (pattern.test(line)) return period;
  if (amount < 200) return 'hour';
  if (amount < 1_000) return 'day';
  if (amount < 20_000) return 'month';
  return 'year';
}

function salaryInLine(line: string): Salary | null {
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
      period: periodOf(line, max ?? min),
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
