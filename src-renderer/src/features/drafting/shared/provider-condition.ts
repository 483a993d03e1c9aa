import type { ProviderConfigDto, ProviderHealthDto } from '@contract';

/** How a provider is doing, as the "AI: <provider>" badge shows it. */
export interface ProviderCondition {
  color: string;
  /** After the name in the badge ("down"), or null when it is working. */
  word: string | null;
  /** The badge's tooltip: what this means for the next request. */
  explanation: string;
}

/**
 * The condition of the provider tried first, from its health (circuit state and failures in a row in the app's
 * process; one with a rejected key is never first, the router skips it). `next` is the provider tried after it.
 */
export function providerCondition(
  first: ProviderConfigDto,
  health: ProviderHealthDto | undefined,
  next: ProviderConfigDto | undefined,
): ProviderCondition {
  const meanwhile = next ? `requests go to ${next.name} until it recovers` : 'requests skip it until it recovers';
  if (health?.circuit === 'open')
    return {
      color: 'red',
      word: 'down',
      explanation: `${first.name} keeps failing (circuit open): ${meanwhile}.`,
    };
  if (health?.circuit === 'half_open')
    return {
      color: 'yellow',
      word: 'recovering',
      explanation: `${first.name} failed recently: the next request tests whether it is back.`,
    };
  if (health && health.recentFailures > 0)
    return {
      color: 'orange',
      word: 'failing',
      explanation: `The last ${health.recentFailures === 1 ? 'call' : `${health.recentFailures} calls`} to ${first.name} failed.`,
    };
  return { color: 'teal', word: null, explanation: `${first.name} (${first.model}) answers first.` };
}
