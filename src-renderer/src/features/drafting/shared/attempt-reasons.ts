import type { AttemptDto } from '@contract';

const REASONS: Record<string, string> = {
  no_key: 'no API key stored',
  key_invalid: 'its API key was rejected earlier',
  circuit_open: 'paused after repeated failures',
  over_budget: 'its budget is used up',
  over_budget_queue: 'its budget is used up (task queued)',
  rate_limited: 'rate limited',
  unavailable: 'unavailable (server error or timeout)',
  auth: 'the API key was rejected',
  context_length: 'the prompt is too long for the model',
  bad_request: 'the request was refused',
  invalid_output: 'the answer was not valid',
  offline: 'could not be reached',
  aborted: 'cancelled',
};

export function reasonText(reason: string | undefined): string {
  if (!reason) return 'failed';
  return REASONS[reason] ?? reason.replace(/_/gu, ' ');
}

/** True when the trail has more to say than "the first provider answered". */
export function hasFailover(attempts: readonly AttemptDto[]): boolean {
  return attempts.some((a) => a.outcome !== 'ok');
}

/** "builtin" is the offline drafter's (and the offline extraction rules') provider name. */
export function providerLabel(name: string, builtinName = 'Built-in offline drafter'): string {
  return name === 'builtin' ? builtinName : name;
}
