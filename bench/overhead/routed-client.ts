import type { RoutingStrategy } from '@contract';
import type { Core } from '../../src-main/core';
import { BENCH_MODEL, BENCH_PROMPT, MAX_OUTPUT_TOKENS } from './request';

const PROVIDER = 'bench-emulator';

/** A provider config for the bench request, with budgets set (so every call reserves and settles). */
export async function addBenchProvider(
  core: Core,
  opts: { name: string; baseUrl: string; priority: number; isDefault: boolean },
): Promise<void> {
  await core.services.providers.create(
    {
      name: opts.name,
      kind: 'openai-compatible',
      model: BENCH_MODEL,
      baseUrl: `${opts.baseUrl}/v1`,
      tasks: ['extraction'],
      priority: opts.priority,
      isDefault: opts.isDefault,
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
}

/** The routed call itself: one `router.route` of the bench request, which must be answered at once. */
export function routeCall(core: Core, opts: { cancellable?: boolean } = {}): () => Promise<void> {
  const { router } = core.services;
  return async () => {
    const answer = await router.route({
      task: 'extraction',
      userId: 'bench',
      ...(opts.cancellable ? { signal: new AbortController().signal } : {}),
      request: {
        messages: [{ role: 'user', content: [{ type: 'text', text: BENCH_PROMPT }] }],
        maxOutputTokens: MAX_OUTPUT_TOKENS,
      },
    });
    if (answer.fallback || answer.attempts.length !== 1) throw new Error('the bench request was retried');
  };
}

/**
 * (b) The whole pipeline: candidates, circuit breaker, budget reserve and settle (limits are set), the
 * provider adapter, the usage event with its rollups, and pricing.
 */
export async function routedCaller(
  core: Core,
  emulatorUrl: string,
  opts: { cancellable?: boolean } = {},
): Promise<() => Promise<void>> {
  await addBenchProvider(core, { name: PROVIDER, baseUrl: emulatorUrl, priority: 1, isDefault: true });
  return routeCall(core, opts);
}

/**
 * The same with two providers for the task and a routing strategy other than `priority`, so each call also
 * reads both providers' recent statistics and scores them.
 */
export async function strategyRoutedCaller(
  core: Core,
  baseUrl: string,
  strategy: Exclude<RoutingStrategy, 'priority'>,
): Promise<() => Promise<void>> {
  await addBenchProvider(core, { name: PROVIDER, baseUrl, priority: 1, isDefault: true });
  await addBenchProvider(core, { name: `${PROVIDER}-2`, baseUrl, priority: 2, isDefault: false });
  core.services.routingStrategies.set('extraction', strategy, 'bench');
  return routeCall(core);
}
