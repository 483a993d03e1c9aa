import type { PriceDto } from '@contract';

/** An editable price row: '' = empty field (only allowed for the cached-input price). */
export interface PriceValues {
  input: number | string;
  output: number | string;
  cached: number | string;
}

export const MAX_USD_PER_MTOK = 100_000;

export function valuesOf(p: PriceDto): PriceValues {
  return { input: p.inputUsdPerMTok, output: p.outputUsdPerMTok, cached: p.cachedInputUsdPerMTok ?? '' };
}

function checkPrice(v: number | string, optional: boolean): string | null {
  if (v === '') return optional ? null : 'Required';
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) return 'Zero or more';
  if (n > MAX_USD_PER_MTOK) return `At most ${MAX_USD_PER_MTOK.toLocaleString('en-US')}`;
  return null;
}

export function priceErrors(v: PriceValues): Partial<Record<keyof PriceValues, string>> {
  const errors: Partial<Record<keyof PriceValues, string>> = {};
  const input = checkPrice(v.input, false);
  const output = checkPrice(v.output, false);
  const cached = checkPrice(v.cached, true);
  if (input) errors.input = input;
  if (output) errors.output = output;
  if (cached) errors.cached = cached;
  return errors;
}

export function sameValues(a: PriceValues, b: PriceValues): boolean {
  return (
    String(a.input) === String(b.input) &&
    String(a.output) === String(b.output) &&
    String(a.cached) === String(b.cached)
  );
}

export function priceInput(model: string, v: PriceValues) {
  return {
    model,
    inputUsdPerMTok: Number(v.input),
    outputUsdPerMTok: Number(v.output),
    cachedInputUsdPerMTok: v.cached === '' ? null : Number(v.cached),
  };
}

/** "https://openai.com/api/pricing/" → "openai.com"; other sources ("admin", "shipped") as they are. */
export function sourceLabel(source: string): string {
  try {
    return new URL(source).hostname.replace(/^www\./u, '');
  } catch {
    return source;
  }
}
