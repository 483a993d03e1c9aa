import type { ProviderUsage } from '../providers/types';

export interface NormalisedUsage {
  /** All input tokens, cached ones included, for every vendor. */
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** True when the provider did not report usage and it was estimated. */
  estimated: boolean;
}

/** ~4 characters a token for English prose: the usual rule of thumb when a server reports nothing. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/**
 * Anthropic reports input_tokens without cache reads; OpenAI and Gemini include cached tokens in their
 * input count. Stored usage always includes them, so totals mean the same thing across providers.
 * Missing numbers are estimated (never logged as zero) and the event is marked `estimated`; the request's
 * text is only put together then.
 */
export function normaliseUsage(
  kind: string,
  usage: ProviderUsage,
  estimate: { inputText: () => string; outputText: string },
): NormalisedUsage {
  const cached = usage.cachedInputTokens ?? 0;
  let estimated = false;
  let input = usage.inputTokens;
  if (input === null) {
    input = estimateTokens(estimate.inputText());
    estimated = true;
  } else if (kind === 'anthropic') {
    input += cached;
  }
  let output = usage.outputTokens;
  if (output === null) {
    output = estimate.outputText.length ? estimateTokens(estimate.outputText) : 0;
    estimated = true;
  }
  return { inputTokens: input, outputTokens: output, cachedInputTokens: cached, estimated };
}
