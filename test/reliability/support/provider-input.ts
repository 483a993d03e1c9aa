import type { ProviderConfigInput } from '@contract';

/** A valid `providers:create` input for an OpenAI config (a well-formed but fake key). */
export function openAiProvider(name: string): { config: ProviderConfigInput; apiKey: string } {
  return {
    config: {
      name,
      kind: 'openai',
      model: 'gpt-4o-mini',
      baseUrl: null,
      tasks: ['extraction'],
      priority: 10,
      isDefault: false,
      active: true,
      dailyTokenLimit: null,
      monthlyTokenLimit: null,
      monthlyCostLimitUsd: null,
      onLimit: 'fallback',
      timeoutMs: 60_000,
      maxOutputTokens: 1_024,
      region: 'other',
      dataRetention: null,
      personalData: true,
    },
    apiKey: `sk-reliability${name.replace(/\W/gu, '')}0123456789abcdefghij`,
  };
}
