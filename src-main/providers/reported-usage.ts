import type { ProviderUsage } from './types';

/** A token count as the provider reported it, or null when it reported none. */
export function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.trunc(value) : null;
}

export const NO_USAGE: ProviderUsage = { inputTokens: null, outputTokens: null, cachedInputTokens: null };
