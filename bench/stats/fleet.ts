import type { ProviderConfigInput, Task } from '@contract';

/** The six provider configs of the synthetic team (index = position, used by ROUTES). */
export const FLEET: readonly ProviderConfigInput[] = [
  fleetConfig('OpenAI', 'openai', 'gpt-4o-mini', 1),
  fleetConfig('OpenAI large', 'openai', 'gpt-4.1', 2),
  fleetConfig('Claude', 'anthropic', 'claude-sonnet-4-5', 3),
  fleetConfig('Gemini', 'gemini', 'gemini-2.5-flash', 4),
  fleetConfig('Ollama', 'openai-compatible', 'llama3.1:8b', 5),
  fleetConfig('LM Studio', 'openai-compatible', 'qwen2.5-7b-instruct', 6),
];

/**
 * How the router spreads calls: each task goes to its default provider and fails over to a second one.
 * A small team keeps its data on local models (Ollama, then LM Studio).
 */
export const ROUTES: Record<Task, readonly [primary: number, fallback: number]> = {
  extraction: [3, 0],
  cv_draft: [2, 1],
  cover_letter: [1, 2],
  validation: [0, 3],
};
export const LOCAL_ROUTE = [4, 5] as const;

export const TASK_WEIGHTS: readonly (readonly [Task, number])[] = [
  ['extraction', 35],
  ['cv_draft', 25],
  ['cover_letter', 25],
  ['validation', 15],
];

export const USERS = Array.from({ length: 20 }, (_, i) => `recruiter${String(i + 1).padStart(2, '0')}`);
/** The last users work on local models only. */
export const LOCAL_USERS = new Set(USERS.slice(-3));

/**
 * Configs that can never reach anything: a loopback port nothing listens on (so no key is needed and the
 * bench database never points at the network).
 */
function fleetConfig(
  name: string,
  kind: ProviderConfigInput['kind'],
  model: string,
  priority: number,
): ProviderConfigInput {
  return {
    name,
    kind,
    model,
    baseUrl: 'http://127.0.0.1:9/v1',
    tasks: ['extraction', 'cv_draft', 'cover_letter', 'validation'],
    priority,
    isDefault: priority === 1,
    active: true,
    dailyTokenLimit: null,
    monthlyTokenLimit: null,
    monthlyCostLimitUsd: null,
    onLimit: 'fallback',
    timeoutMs: 60_000,
    maxOutputTokens: 4096,
    region: 'other',
    dataRetention: null,
    personalData: true,
  };
}
