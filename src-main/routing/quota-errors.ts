import { formatDateTime, formatInteger, formatUsd } from '@shared/display-format';
import type { UserLimitBehaviour } from '@contract';
import { AppError } from '../errors';
import type { BudgetDenial } from './budgets';
import type { AttemptRecord } from './types';

const QUOTA_TEXT = {
  daily_tokens: { name: 'daily token quota', period: 'today' },
  monthly_tokens: { name: 'monthly token quota', period: 'this month' },
  daily_cost: { name: 'daily cost quota', period: 'today' },
  monthly_cost: { name: 'monthly cost quota', period: 'this month' },
};

/** "alice has reached her daily token quota: …": the use, the limit, what this call needs and when it resets. */
export function quotaMessage(user: string, denial: BudgetDenial): string {
  const { name, period } = QUOTA_TEXT[denial.limit];
  const cost = denial.limit === 'daily_cost' || denial.limit === 'monthly_cost';
  const amount = (n: number) => (cost ? formatUsd(n / 1e6) : formatInteger(n));
  const call = cost ? `may cost up to ${amount(denial.call)}` : `may use up to ${amount(denial.call)} tokens`;
  const held = denial.held > 0 ? ` (${amount(denial.held)} of it held by calls in progress)` : '';
  return `User ${user} is over the ${name}: ${amount(denial.used)} of ${amount(denial.max)} used ${period}${held}; this call ${call}; resets ${formatDateTime(denial.resetsAt)}.`;
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
    limit: denial.limit,
    call: denial.call,
    used: denial.used,
    held: denial.held,
    max: denial.max,
    resetsAt: denial.resetsAt,
    attempts,
  });
}
