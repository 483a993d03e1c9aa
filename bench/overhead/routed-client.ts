import type { Core } from '../../src-main/core';
import { BENCH_MODEL, BENCH_PROMPT, MAX_OUTPUT_TOKENS } from './request';

const PROVIDER = 'bench-emulator';

/**
 * (b) The whole pipeline: candidates, circuit breaker, budget reserve and settle (limits are set), the
 * provider adapter, the usage event with its rollups, and pricing.
 */
export async function routedCaller(core: Core, emulatorUrl: string): Promise<() => Promise<void>> {
  await core.services.providers.create(
    {
      name: PROVIDER,
      kind: 'openai-compatible',
      model: BENCH_MODEL,
      baseUrl: `${emulatorUrl}/v1`,
      tasks: ['extraction'],
      priority: 1,
      isDefault: true,
      active: true,
      dailyTokenLimit: 1_000_000_000_000,
      monthlyTokenLimit: 1_000_000_000_000,
      monthlyCostLimitUsd: 1_000_000,
      onLimit: 'error',
      timeoutMs: 30_000,
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      region: 'other',
      dataRetention: null,
      personalData: true,
    },
    undefined,
    'bench',
  );
  const { router } = core.services;
  return async () => {
    const answer = await router.route({
      task: 'extraction',
      userId: 'bench',
      request: {
        messages: [{ role: 'user', content: [{ type: 'text', text: BENCH_PROMPT }] }],
        maxOutputTokens: MAX_OUTPUT_TOKENS,
      },
    });
    if (answer.fallback || answer.attempts.length !== 1) throw new Error('the bench request was retried');
  };
}
