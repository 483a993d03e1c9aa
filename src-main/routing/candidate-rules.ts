import type { ProviderConfigRow } from '../providers/config-service';
import type { LlmRequest } from '../providers/types';
import { costMicros, type Price } from '../usage/pricing';
import { allowsRegion, type EffectivePolicy } from './compliance/policy-rules';
import { estimateRequestTokens } from './estimate';

/**
 * The rules the router applies to a task's routed configs before it calls one, shared with what estimates a
 * call ahead of it (batch drafting), so an estimate names the provider the router would really try.
 */

/**
 * The configs a request's data policy allows: in the policy's regions, and, when the request carries a
 * candidate's data, only those that may receive personal data.
 */
export function allowedByPolicy(
  rows: readonly ProviderConfigRow[],
  policy: EffectivePolicy,
  carriesCandidateData: boolean,
): ProviderConfigRow[] {
  return rows.filter((row) => allowsRegion(policy.allow, row.region) && (!carriesCandidateData || row.personalData));
}

/** Why the router skips a config for its key without calling it (no key set, or one marked invalid), or null. */
export function keySkip(row: ProviderConfigRow): 'no_key' | 'key_invalid' | null {
  if (row.kind !== 'openai-compatible' && row.keyRef === null) return 'no_key';
  if (row.keyInvalid) return 'key_invalid';
  return null;
}

/**
 * A call's worst case as budgets reserve it: the input estimate plus the most output tokens the config allows,
 * and their cost at `price` (null: the model has no price).
 */
export function worstCaseOf(
  request: Pick<LlmRequest, 'system' | 'messages' | 'jsonSchema' | 'maxOutputTokens'>,
  row: Pick<ProviderConfigRow, 'maxOutputTokens'>,
  price: Price | null,
): { inputTokens: number; maxOutputTokens: number; costMicros: number | null } {
  const inputTokens = estimateRequestTokens(request);
  const maxOutputTokens = Math.min(request.maxOutputTokens, row.maxOutputTokens);
  return {
    inputTokens,
    maxOutputTokens,
    costMicros: price ? costMicros(price, { inputTokens, outputTokens: maxOutputTokens, cachedInputTokens: 0 }) : null,
  };
}
