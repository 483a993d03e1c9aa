import type { ProviderKind } from '@contract';
import { LazyProvider, type ProviderConstructor } from './lazy-provider';
import type { LlmProvider, ProviderOptions } from './types';

/**
 * One adapter per configurable kind, each imported on its provider's first call (its SDK with it); a missing
 * kind is a compile error. The offline drafter is not a configured provider: drafting falls back to it
 * (drafting/service/offline-fallback.ts) when no provider answers.
 */
const ADAPTERS: Record<ProviderKind, () => Promise<ProviderConstructor>> = {
  openai: async () => {
    const { createOpenAiProvider } = await import('./openai');
    return (options) => createOpenAiProvider(options);
  },
  anthropic: async () => (await import('./anthropic')).createAnthropicProvider,
  gemini: async () => (await import('./gemini')).createGeminiProvider,
  'openai-compatible': async () => (await import('./openai-compatible')).createOpenAiCompatibleProvider,
};

export function createProvider(kind: ProviderKind, options: ProviderOptions): LlmProvider {
  return new LazyProvider(kind, options, ADAPTERS[kind]);
}
