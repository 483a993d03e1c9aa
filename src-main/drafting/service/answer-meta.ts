import type { AnswerMeta } from '@contract';
import type { RouteAnswer } from '../../routing/types';
import { OFFLINE_NOTE } from '../builtin/offline-note';
import type { VersionMeta } from '../store/documents-repo';

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
    sentTo: answer.sentTo,
  };
}

/** What a version made from this answer keeps of it: who made it, why that provider, where the data went. */
export function versionMetaFromAnswer(answer: RouteAnswer): VersionMeta {
  return {
    providerName: answer.providerName,
    model: answer.model,
    requestId: answer.requestId,
    offline: false,
    routeReason: answer.routeReason,
    sentTo: answer.sentTo,
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
