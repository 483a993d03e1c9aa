/**
 * The price table shipped with the app: USD per million tokens, as each vendor published it for
 * prompts up to 200k tokens. Admins edit prices in the app (a new version each change); a model that is
 * not listed is "unpriced", never guessed.
 */
export interface ShippedPrice {
  model: string;
  input: number;
  output: number;
  cachedInput: number | null;
  source: string;
  effectiveDate: string;
}

const OPENAI = 'https://openai.com/api/pricing/';
const ANTHROPIC = 'https://www.anthropic.com/pricing#api';
const GOOGLE = 'https://ai.google.dev/gemini-api/docs/pricing';

export const SHIPPED_PRICES: ShippedPrice[] = [
  { model: 'gemini-2.5-pro', input: 1.25, output: 10, cachedInput: 0.125, source: GOOGLE, effectiveDate: '2025-10-01' },
  {
    model: 'gemini-2.5-flash',
    input: 0.3,
    output: 2.5,
    cachedInput: 0.03,
    source: GOOGLE,
    effectiveDate: '2025-10-01',
  },
  {
    model: 'gemini-2.5-flash-lite',
    input: 0.1,
    output: 0.4,
    cachedInput: 0.01,
    source: GOOGLE,
    effectiveDate: '2025-10-01',
  },
  {
    model: 'gemini-2.0-flash',
    input: 0.1,
    output: 0.4,
    cachedInput: 0.025,
    source: GOOGLE,
    effectiveDate: '2025-10-01',
  },
  { model: 'gpt-5', input: 1.25, output: 10, cachedInput: 0.125, source: OPENAI, effectiveDate: '2025-10-01' },
  { model: 'gpt-5-mini', input: 0.25, output: 2, cachedInput: 0.025, source: OPENAI, effectiveDate: '2025-10-01' },
  { model: 'gpt-5-nano', input: 0.05, output: 0.4, cachedInput: 0.005, source: OPENAI, effectiveDate: '2025-10-01' },
  { model: 'gpt-4.1', input: 2, output: 8, cachedInput: 0.5, source: OPENAI, effectiveDate: '2025-10-01' },
  { model: 'gpt-4.1-mini', input: 0.4, output: 1.6, cachedInput: 0.1, source: OPENAI, effectiveDate: '2025-10-01' },
  { model: 'gpt-4.1-nano', input: 0.1, output: 0.4, cachedInput: 0.025, source: OPENAI, effectiveDate: '2025-10-01' },
  { model: 'gpt-4o', input: 2.5, output: 10, cachedInput: 1.25, source: OPENAI, effectiveDate: '2025-10-01' },
  { model: 'gpt-4o-mini', input: 0.15, output: 0.6, cachedInput: 0.075, source: OPENAI, effectiveDate: '2025-10-01' },
  { model: 'claude-opus-4-1', input: 15, output: 75, cachedInput: 1.5, source: ANTHROPIC, effectiveDate: '2025-10-01' },
  {
    model: 'claude-sonnet-4-5',
    input: 3,
    output: 15,
    cachedInput: 0.3,
    source: ANTHROPIC,
    effectiveDate: '2025-10-01',
  },
  { model: 'claude-sonnet-4', input: 3, output: 15, cachedInput: 0.3, source: ANTHROPIC, effectiveDate: '2025-10-01' },
  { model: 'claude-haiku-4-5', input: 1, output: 5, cachedInput: 0.1, source: ANTHROPIC, effectiveDate: '2025-10-15' },
  {
    model: 'claude-3-5-haiku',
    input: 0.8,
    output: 4,
    cachedInput: 0.08,
    source: ANTHROPIC,
    effectiveDate: '2025-10-01',
  },
];
