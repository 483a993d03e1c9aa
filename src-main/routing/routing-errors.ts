import { AppError } from '../errors';
import type { BudgetDenial } from './budgets';
import type { AttemptRecord } from './types';

const LIMIT_TEXT = {
  daily_tokens: 'daily token limit',
  monthly_tokens: 'monthly token limit',
  monthly_cost: 'monthly cost limit',
};

export function budgetExceeded(providerName: string, denial: BudgetDenial, attempts: AttemptRecord[]): AppError {
  const used =
    denial.limit === 'monthly_cost'
      ? `$${(denial.used / 1e6).toFixed(2)} of $${(denial.max / 1e6).toFixed(2)}`
      : `${denial.used} of ${denial.max} tokens`;
  return new AppError(
    'budget_exceeded',
    `${providerName} reached its ${LIMIT_TEXT[denial.limit]} (${used} used); it resets ${new Date(denial.resetsAt).toLocaleString()}.`,
    { limit: denial.limit, used: denial.used, max: denial.max, resetsAt: denial.resetsAt, attempts },
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
