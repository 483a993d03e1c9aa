import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput, DraftKind } from '@contract';
import { call, on } from '../../../lib/ipc';
import { failureOf, type Failure } from '../shared/failure';
import { applyChunk, newStreamId, type LiveDraft } from './live-draft';

export type GenerateResult = ChannelOutput<'drafts:generate'>;

export interface GenerateRequest {
  kind: DraftKind;
  candidateId: string;
  jobPostingId: string;
  /** Regenerate into this document (a new version). */
  documentId?: string;
}

/**
 * `drafts:generate` with streaming: the `stream:chunk` subscription is open from mount (so it is live before any
 * call), chunks are filtered by this call's streamId, a `reset` clears the text and says who took over.
 */
export function useDraftGeneration() {
  const [live, setLive] = useState<LiveDraft | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const streamId = useRef<string | null>(null);

  useEffect(
    () =>
      on('stream:chunk', (chunk) => {
        if (chunk.streamId !== streamId.current) return;
        setLive((prev) => (prev ? applyChunk(prev, chunk) : prev));
      }),
    [],
  );

  const generate = async (request: GenerateRequest, onDone: (result: GenerateResult) => void): Promise<void> => {
    if (streamId.current !== null) return;
    const id = newStreamId();
    streamId.current = id;
    setFailure(null);
    setLive({
      kind: request.kind,
      documentId: request.documentId ?? null,
      text: '',
      takeover: null,
      startedAt: Date.now(),
    });
    try {
      onDone(await call('drafts:generate', { ...request, streamId: id }));
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      streamId.current = null;
      setLive(null);
    }
  };

  return { live, failure, clearFailure: () => setFailure(null), generate };
}
