import { createOpenAiProvider, type OpenAiDialect } from './openai';
import type { LlmProvider, ProviderOptions } from './types';

/**
 * Local and self-hosted servers (Ollama, LM Studio, llama.cpp, vLLM) that speak OpenAI's protocol.
 * Many need no key, lack `json_schema` structured output and only know `max_tokens`.
 */
export const OPENAI_COMPATIBLE_DIALECT: OpenAiDialect = {
  kind: 'openai-compatible',
  keyRequired: false,
  jsonMode: 'json_object',
  maxTokensField: 'max_tokens',
  testWithCompletionFallback: true,
  // Ollama's default address; LM Studio and others need the base URL set in the config.
  defaultBaseUrl: 'http://127.0.0.1:11434/v1',
};

export function createOpenAiCompatibleProvider(options: ProviderOptions): LlmProvider {
  return createOpenAiProvider(options, OPENAI_COMPATIBLE_DIALECT);
}
