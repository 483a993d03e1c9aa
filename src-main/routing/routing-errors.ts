import { formatDateTime, formatInteger, formatUsd } from '@shared/display-format';
import { AppError } from '../errors';
import type { BudgetDenial } from './budgets';
import type { AttemptRecord } from './types';

const LIMIT_TEXT = {
  daily_tokens: { name: 'daily token limit', period: 'today' },
  monthly_tokens: { name: 'monthly token limit', period: 'this month' },
  monthly_cost: { name: 'monthly cost limit', period: 'this month' },
};

/**
 * The refusal says why: the call's worst case (input estimate + max output tokens, reserved before it is
 * sent) does not fit in what the limit leaves, e.g. "this call may use up to 5,300 tokens; 3,602 of 6,000
 * used today".
 */
export function budgetExceeded(providerName: string, denial: BudgetDenial, attempts: AttemptRecord[]): AppError {
  const { name, period } = LIMIT_TEXT[denial.limit];
  const cost = denial.limit === 'monthly_cost';
  const amount = (n: number) => (cost ? formatUsd(n / 1e6) : formatInteger(n));
  const call = cost ? `may cost up to ${amount(denial.call)}` : `may use up to ${amount(denial.call)} tokens`;
  const held = denial.held > 0 ? ` (${amount(denial.held)} of it held by calls in progress)` : '';
  const alone =
    denial.call > denial.max
      ? ` This call alone is more than the whole limit: lower the provider's max output tokens or raise the limit.`
      : '';
  return new AppError(
    'budget_exceeded',
    `${providerName} cannot take this call within its ${name}: this call ${call}; ${amount(denial.used)} of ${amount(denial.max)} used ${period}${held}; resets ${formatDateTime(denial.resetsAt)}.${alone}`,
    {
      limit: denial.limit,
      call: denial.call,
      used: denial.used,
      held: denial.held,
      max: denial.max,
      resetsAt: denial.resetsAt,
      attempts,
    },
  );
}

/** `--provider NAME` for a task the config is not routed to (or an inactive or unknown one): the caller's mistake. */
export function providerNotRouted(providerName: string, task: string): AppError {
  return new AppError(
    'invalid_input',
    `Provider "${providerName}" is not an active provider routed to ${task}; choose one routed to ${task}, or ask an admin to route it there.`,
    { reason: 'provider_not_routed', provider: providerName, task, attempts: [] },
  );
}

export function noProvider(task: string): AppError {
  return new AppError('unavailable', `No provider is set up for ${task}.`, { reason: 'no_provider', attempts: [] });
}

export function allFailed(
  task: string,
  attempts: AttemptRecord[],
  lastClass: string | null,
  allOffline: boolean,
): AppError {
  const last = [...attempts].reverse().find((a) => a.outcome === 'error');
  const why = allOffline
    ? 'No provider could be reached (offline?).'
    : last?.message
      ? `Last error: ${last.message}`
      : 'Every provider was skipped.';
  return new AppError('provider_error', `No provider could answer the ${task} request. ${why}`, {
    errorClass: lastClass,
    allOffline,
    attempts,
  });
}

export function queued(outboxId: string, attempts: AttemptRecord[], why: string): AppError {
  return new AppError('unavailable', `${why} The task was queued and runs when a provider answers again.`, {
    reason: 'queued',
    outboxId,
    attempts,
  });
}
