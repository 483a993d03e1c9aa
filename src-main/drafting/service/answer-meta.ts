import type { AnswerMeta } from '@contract';
import type { RouteAnswer } from '../../routing/types';
import { OFFLINE_NOTE } from '../builtin/offline-note';

export function metaFromAnswer(answer: RouteAnswer): AnswerMeta {
  return {
    providerName: answer.providerName,
    model: answer.model,
    offline: false,
    requestId: answer.requestId,
    attempts: answer.attempts,
    inputTokens: answer.usage.inputTokens,
    outputTokens: answer.usage.outputTokens,
    estimated: answer.usage.estimated,
    costUsd: answer.costUsd,
    note: null,
    routeReason: answer.routeReason,
  };
}

export const OFFLINE_EXTRACTION_NOTE =
  'Extracted offline with the built-in rules (no AI provider was used). Check the fields before drafting.';

export function offlineMeta(attempts: AnswerMeta['attempts'], why: string | null, note = OFFLINE_NOTE): AnswerMeta {
  return {
    providerName: 'builtin',
    model: null,
    offline: true,
    requestId: null,
    attempts,
    inputTokens: 0,
    outputTokens: 0,
    estimated: false,
    costUsd: null,
    note: why ? `${why} ${note}` : note,
  };
}
