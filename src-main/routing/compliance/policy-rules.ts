import type { DataPolicy, ProviderRegion } from '@contract';

const ORDER: Record<DataPolicy, number> = { any: 0, eu: 1, local: 2 };

/** The regions a policy lets a request go to. */
export function allowsRegion(policy: DataPolicy, region: ProviderRegion): boolean {
  if (policy === 'any') return true;
  if (policy === 'eu') return region === 'eu' || region === 'local';
  return region === 'local';
}

/** The stricter of two policies. */
export function stricter(a: DataPolicy, b: DataPolicy): DataPolicy {
  return ORDER[a] >= ORDER[b] ? a : b;
}

export const POLICY_TEXT: Record<DataPolicy, string> = {
  local: 'local only',
  eu: 'EU only',
  any: 'any region',
};

/** The policy in force for one request and where it comes from (for the refusal's message). */
export interface EffectivePolicy {
  allow: DataPolicy;
  /** "task cv_draft", "candidate 0b6e…": the settings that made it this strict. */
  from: string[];
}
