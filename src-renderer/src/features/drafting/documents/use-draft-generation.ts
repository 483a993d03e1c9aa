import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput, DraftKind } from '@contract';
import { call, on } from '../../../lib/ipc';
import { notifyInfo } from '../../../lib/notify';
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
 * call), chunks are filtered by this call's streamId, a `reset` clears the text and says who took over. `stop()`
 * cancels the provider request (`drafts:cancel`); main keeps what streamed as an incomplete (`stopped`) version.
 */
export function useDraftGeneration() {
  const [live, setLive] = useState<LiveDraft | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [stopping, setStopping] = useState(false);
  const streamId = useRef<string | null>(null);
  const stopRequested = useRef(false);

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
    stopRequested.current = false;
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
      // Stopped before any text arrived: nothing was kept, and that is what the user asked for.
      if (stopRequested.current) notifyInfo('Generation stopped', 'No text had arrived yet, so nothing was kept.');
      else setFailure(failureOf(err));
    } finally {
      streamId.current = null;
      stopRequested.current = false;
      setStopping(false);
      setLive(null);
    }
  };

  const stop = async (): Promise<void> => {
    const id = streamId.current;
    if (id === null || stopRequested.current) return;
    stopRequested.current = true;
    setStopping(true);
    try {
      await call('drafts:cancel', { streamId: id });
    } catch (err) {
      stopRequested.current = false;
      setStopping(false);
      setFailure(failureOf(err));
    }
  };

  return { live, failure, stopping, clearFailure: () => setFailure(null), generate, stop };
}
