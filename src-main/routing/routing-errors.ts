import type { Task } from '@contract';
import { AppError, isAppError } from '../errors';
import type { BudgetDenial } from './budgets';
import { denialText } from './limit-text';
import type { AttemptRecord } from './types';
import { POLICY_TEXT, type EffectivePolicy } from './compliance/policy-rules';
import { queuedText, type QueuedWhy } from '@shared/queued-text';

/**
 * The refusal says why: the call's worst case (input estimate + max output tokens, reserved before it is
 * sent) does not fit in what the limit leaves, e.g. "this call may use up to 5,300 tokens; 3,602 of 6,000
 * used today".
 */
export function budgetExceeded(providerName: string, denial: BudgetDenial, attempts: AttemptRecord[]): AppError {
  const t = denialText(denial, 'limit');
  const alone =
    denial.call > denial.max
      ? ` This call alone is more than the whole limit: lower the provider's max output tokens or raise the limit.`
      : '';
  return new AppError(
    'budget_exceeded',
    `${providerName} cannot take this call within its ${t.name}: this call ${t.call}; ${t.use}${t.held}; ${t.resets}.${alone}`,
    { ...denial, attempts },
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

/**
 * No provider routed to the task is allowed by the data policy (or may receive personal data): the request is
 * refused rather than sent elsewhere; the message names the policy and where it is set.
 */
export function policyRefused(
  task: string,
  policy: EffectivePolicy,
  routed: readonly { name: string; region: string; personalData: boolean }[],
  carriesPersonalData: boolean,
): AppError {
  const where = policy.from.length > 0 ? ` (set for ${policy.from.join(' and ')})` : '';
  const routedText = routed
    .map((r) => `${r.name} (${r.region}${carriesPersonalData && !r.personalData ? ', no personal data' : ''})`)
    .join(', ');
  return new AppError(
    'unavailable',
    policy.allow === 'any'
      ? `None of the providers routed to ${task} may receive personal data: ${routedText}. Nothing was sent. Allow one to receive personal data (aditus providers update NAME --personal-data yes), or route another to ${task}.`
      : `The data policy "${POLICY_TEXT[policy.allow]}"${where} allows none of the providers routed to ${task}: ${routedText}. Nothing was sent. Route a provider in an allowed region to ${task}, or change the policy (aditus policy set).`,
    { reason: 'policy_refused', policy: policy.allow, policyFrom: policy.from, task, attempts: [] },
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
  const waiting = attempts.find((a) => a.reason === 'over_budget_queue');
  const why = allOffline
    ? 'No provider could be reached (offline?).'
    : last?.message
      ? `Last error: ${last.message}`
      : waiting
        ? `${waiting.providerName} is over its limit and queues tasks until it resets; this call cannot wait in the queue.`
        : 'Every provider was skipped.';
  return new AppError('provider_error', `No provider could answer the ${task} request. ${why}`, {
    errorClass: lastClass,
    allOffline,
    /** A provider that queues until its limit resets was skipped (the request could not wait). */
    overQueueLimit: waiting !== undefined,
    attempts,
  });
}

/**
 * The request was stored in the outbox. `runsAt`: the reset it waits for (of a provider's budget, or with
 * `why: 'quota'` of the acting user's quota); null: it waits for a provider answering.
 */
export function queued(
  outboxId: string,
  task: Task,
  attempts: AttemptRecord[],
  runsAt: number | null,
  reason: { why?: 'budget' | 'quota'; sentence?: string } = {},
): AppError {
  const why: QueuedWhy = runsAt === null ? 'offline' : (reason.why ?? 'budget');
  const sentence =
    reason.sentence ?? (runsAt === null ? 'No provider could be reached.' : 'The provider reached its limit.');
  return new AppError('unavailable', `${sentence} ${queuedText({ why, runsAt })}`, {
    reason: 'queued',
    outboxId,
    task,
    why,
    runsAt,
    attempts,
  });
}

export interface QueuedDetails {
  outboxId: string;
  task: Task;
  why: QueuedWhy;
  runsAt: number | null;
}

/** The details of a `queued` error, or null for any other error. */
export function queuedDetails(err: unknown): QueuedDetails | null {
  if (!isAppError(err) || err.details?.['reason'] !== 'queued') return null;
  const { outboxId, task, why, runsAt } = err.details as Record<string, unknown>;
  if (typeof outboxId !== 'string' || typeof task !== 'string') return null;
  return {
    outboxId,
    task: task as Task,
    why: why === 'budget' || why === 'quota' ? why : 'offline',
    runsAt: typeof runsAt === 'number' ? runsAt : null,
  };
}
