import type { AnswerMeta } from '@contract';
import { isAppError } from '../../errors';

/**
 * The built-in drafter steps in when no provider is set up for a task or none could be reached
 * (offline-first), or the only one is over a limit that queues and the call cannot wait, or the acting user is
 * over a quota whose behaviour is `offline`; any other failure (a
 * budget that fails calls, a bad request, every provider erroring) is reported.
 */
export function offlineReason(err: unknown): { why: string; attempts: AnswerMeta['attempts'] } | null {
  if (!isAppError(err)) return null;
  const attempts = (err.details?.['attempts'] ?? []) as AnswerMeta['attempts'];
  if (err.code === 'unavailable' && err.details?.['reason'] === 'no_provider')
    return { why: 'No AI provider is set up for this task.', attempts };
  if (err.code === 'provider_error' && err.details?.['allOffline'] === true)
    return { why: 'No AI provider could be reached.', attempts };
  // The acting user is over a quota whose behaviour is `offline`.
  if (err.code === 'budget_exceeded' && err.details?.['reason'] === 'user_quota' && err.details['offline'] === true)
    return { why: `User ${String(err.details['user'])} is over a quota until it resets.`, attempts };
  // Only a call that cannot wait in the queue gets here (the extraction a draft needs at once).
  if (
    err.code === 'provider_error' &&
    err.details?.['overQueueLimit'] === true &&
    !attempts.some((a) => a.outcome === 'error')
  )
    return { why: 'The AI provider is over its limit until it resets.', attempts };
  return null;
}
