import type { ProviderKind } from '@contract';
import { createAnthropicProvider } from './anthropic';
import { createGeminiProvider } from './gemini';
import { createOpenAiProvider } from './openai';
import { createOpenAiCompatibleProvider } from './openai-compatible';
import type { LlmProvider, ProviderOptions } from './types';

type ProviderConstructor = (options: ProviderOptions) => LlmProvider;

/**
 * One constructor per configurable kind; a missing kind is a compile error. The offline drafter is not a
 * configured provider: drafting falls back to it (drafting/service/offline-fallback.ts) when no provider answers.
 */
const CONSTRUCTORS: Record<ProviderKind, ProviderConstructor> = {
  openai: (options) => createOpenAiProvider(options),
  anthropic: createAnthropicProvider,
  gemini: createGeminiProvider,
  'openai-compatible': createOpenAiCompatibleProvider,
};

export function createProvider(kind: ProviderKind, options: ProviderOptions): LlmProvider {
  return CONSTRUCTORS[kind](options);
}
