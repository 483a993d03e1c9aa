import type { UserLimitBehaviour } from '@contract';

export const LIMIT_LABELS: Record<UserLimitBehaviour, string> = {
  block: 'Block (refuse the call)',
  queue: 'Queue (run when it resets)',
  offline: 'Offline (built-in drafter)',
};
