import type { UserLimitBehaviour } from '@contract';
import { AppError } from '../errors';
import type { BudgetDenial } from './budgets';
import { denialText } from './limit-text';
import type { AttemptRecord } from './types';

/** "alice has reached her daily token quota: …": the use, the limit, what this call needs and when it resets. */
export function quotaMessage(user: string, denial: BudgetDenial): string {
  const t = denialText(denial, 'quota');
  return `User ${user} is over the ${t.name}: ${t.use}${t.held}; this call ${t.call}; ${t.resets}.`;
}

/**
 * The acting user's quota refuses the call (`block`, or `queue` for a call that cannot wait, or `offline`
 * where no offline drafter exists). `offline: true` lets the drafting service answer with the builtin drafter.
 */
export function quotaExceeded(
  user: string,
  onLimit: UserLimitBehaviour,
  denial: BudgetDenial,
  attempts: AttemptRecord[],
): AppError {
  const tail =
    onLimit === 'queue'
      ? ' This call cannot wait in the queue.'
      : ' Ask an admin to raise the quota (aditus users update), or wait until it resets.';
  return new AppError('budget_exceeded', quotaMessage(user, denial) + tail, {
    reason: 'user_quota',
    user,
    onLimit,
    offline: onLimit === 'offline',
    ...denial,
    attempts,
  });
}
