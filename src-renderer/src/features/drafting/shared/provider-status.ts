import type { ProviderConfigDto, Task } from '@contract';
import { useCall } from '../../../lib/use-call';

/** Configs the router would try for a task, in its order (default first, then priority). */
export function routedProviders(configs: readonly ProviderConfigDto[], task: Task): ProviderConfigDto[] {
  return configs
    .filter((c) => c.active && c.tasks.includes(task) && !c.keyInvalid && (c.hasKey || c.kind === 'openai-compatible'))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.priority - b.priority);
}

export interface ProviderStatus {
  /** null until `providers:list` answered. */
  providersFor: (task: Task) => ProviderConfigDto[] | null;
  error: string | null;
}

/** Which AI providers are set up for each drafting task; none = the built-in offline drafter answers. */
export function useProviderStatus(): ProviderStatus {
  const list = useCall('providers:list', {});
  return {
    providersFor: (task) => (list.data ? routedProviders(list.data, task) : null),
    error: list.error,
  };
}
