import type { AnswerMeta } from '@contract';
import { isAppError } from '../../errors';

/**
 * The built-in drafter steps in when no provider is set up for a task or none could be reached
 * (offline-first); any other failure (a budget, a bad request, every provider erroring) is reported.
 */
export function offlineReason(err: unknown): { why: string; attempts: AnswerMeta['attempts'] } | null {
  if (!isAppError(err)) return null;
  const attempts = (err.details?.['attempts'] ?? []) as AnswerMeta['attempts'];
  if (err.code === 'unavailable' && err.details?.['reason'] === 'no_provider')
    return { why: 'No AI provider is set up for this task.', attempts };
  if (err.code === 'provider_error' && err.details?.['allOffline'] === true)
    return { why: 'No AI provider could be reached.', attempts };
  return null;
}
