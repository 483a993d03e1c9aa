import type { ProviderKind } from '@contract';
import { AppError } from '../errors';

const FORMATS: Partial<Record<ProviderKind, { test: RegExp; hint: string }>> = {
  openai: { test: /^sk-[A-Za-z0-9_-]{20,}$/u, hint: 'OpenAI keys start with "sk-"' },
  anthropic: { test: /^sk-ant-[A-Za-z0-9_-]{20,}$/u, hint: 'Anthropic keys start with "sk-ant-"' },
  gemini: { test: /^AIza[0-9A-Za-z_-]{35}$/u, hint: 'Gemini API keys start with "AIza" and are 39 characters long' },
};

/** Checks a key's shape where the vendor has a known one; the error never repeats the key. */
export function checkKeyFormat(kind: ProviderKind, key: string): void {
  if (/\s/u.test(key)) throw new AppError('invalid_input', 'The API key contains spaces or line breaks.');
  const format = FORMATS[kind];
  if (format && !format.test.test(key))
    throw new AppError('invalid_input', `That does not look like a ${kind} API key: ${format.hint}.`);
}

export function keyHint(key: string): string {
  return key.slice(-4);
}
