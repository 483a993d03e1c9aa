const BASE_MS = 250;
const MAX_BACKOFF_MS = 4_000;
/** A Retry-After longer than this is not waited for: the next provider is tried instead. */
export const RETRY_AFTER_CAP_MS = 10_000;

/**
 * Delay before retry number `attempt` (1-based) on the same provider: the server's Retry-After when it
 * sent one (null when beyond the cap), else exponential backoff with full jitter.
 */
export function backoffMs(attempt: number, retryAfterMs: number | undefined, random: () => number): number | null {
  if (retryAfterMs !== undefined) return retryAfterMs > RETRY_AFTER_CAP_MS ? null : retryAfterMs;
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
