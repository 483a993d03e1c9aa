import { useEffect, useRef, useState } from 'react';
import type { BatchItemResult, BatchPairsInput, BatchRunOutput } from '@contract';
import { call, errorMessage, on } from '../../../lib/ipc';

export interface BatchRunState {
  /** Every item by index, as the `batch:item` events and the final answer report them. */
  items: BatchItemResult[];
  output: BatchRunOutput | null;
  error: string | null;
  running: boolean;
  cancelling: boolean;
}

const IDLE: BatchRunState = { items: [], output: null, error: null, running: false, cancelling: false };

const newBatchId = (): string => crypto.randomUUID();

/**
 * `drafts:batch-run` with its `batch:item` events (subscribed from mount, filtered by this run's id): the items fill
 * in as they start and end; `cancel()` asks main to cancel the run (`drafts:batch-cancel`).
 */
export function useBatchRun() {
  const [state, setState] = useState<BatchRunState>(IDLE);
  const batchId = useRef<string | null>(null);

  useEffect(
    () =>
      on('batch:item', ({ batchId: id, item }) => {
        if (id !== batchId.current) return;
        setState((prev) => {
          const items = [...prev.items];
          items[item.index] = item;
          return { ...prev, items };
        });
      }),
    [],
  );

  const start = async (pairs: BatchPairsInput, concurrency: number, pending: BatchItemResult[]): Promise<void> => {
    if (batchId.current !== null) return;
    const id = newBatchId();
    batchId.current = id;
    setState({ ...IDLE, items: pending, running: true });
    try {
      const output = await call('drafts:batch-run', { ...pairs, batchId: id, concurrency });
      setState((prev) => ({ ...prev, items: output.items, output, running: false, cancelling: false }));
    } catch (err) {
      setState((prev) => ({ ...prev, error: errorMessage(err), running: false, cancelling: false }));
    } finally {
      batchId.current = null;
    }
  };

  const cancel = async (): Promise<void> => {
    const id = batchId.current;
    if (!id) return;
    setState((prev) => ({ ...prev, cancelling: true }));
    await call('drafts:batch-cancel', { batchId: id });
  };

  return { ...state, start, cancel, reset: () => setState(IDLE) };
}
