/** A batch item with a status and nothing else known yet (no document, usage or reason): a `BatchItemResult`. */
export function batchItem<Status extends string>(
  pair: { index: number; candidateId: string; jobPostingId: string; label: string },
  status: Status,
) {
  return {
    index: pair.index,
    candidateId: pair.candidateId,
    jobPostingId: pair.jobPostingId,
    label: pair.label,
    status,
    documentId: null,
    version: null,
    providerName: null,
    offline: false,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    reason: null,
    queued: null,
  };
}
