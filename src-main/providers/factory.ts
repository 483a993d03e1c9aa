import type { ProviderKind } from '../../src-preload/contract/dto/providers';
import { createAnthropicProvider } from './anthropic';
import { createGeminiProvider } from './gemini';
import { createOpenAiProvider } from './openai';
import { createOpenAiCompatibleProvider } from './openai-compatible';
import type { LlmProvider, ProviderOptions } from './types';

type ProviderConstructor = (options: ProviderOptions) => LlmProvider;

/**
 * One constructor per configurable kind; a missing kind is a compile error. The offline `builtin`
 * provider is not configured by admins and takes no key or URL: it is built where it is written
 * (src-main/providers/builtin.ts) and handed to the router directly, not through this table.
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
