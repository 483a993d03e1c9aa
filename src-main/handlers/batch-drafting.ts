import type { FeatureHandlers } from '../ipc/handlers';
import type { BatchEstimator } from '../drafting/batch/batch-estimate';
import type { BatchRunner } from '../drafting/batch/batch-runner';
import { AppError } from '../errors';

type BatchChannels = 'drafts:batch-estimate' | 'drafts:batch-run' | 'drafts:batch-cancel';

/** `drafts:batch-*`: estimate a batch of drafts, run it (pushing `batch:item`), cancel it. */
export function batchDraftingHandlers({
  estimator,
  runner,
}: {
  estimator: BatchEstimator;
  runner: BatchRunner;
}): FeatureHandlers<BatchChannels> {
  // Running batches by id, so a Cancel button (or the CLI's Ctrl-C) can cancel one.
  const running = new Map<string, AbortController>();
  return {
    'drafts:batch-estimate': (input) => estimator.estimate(input),
    'drafts:batch-run': async ({ batchId, concurrency, ...pairs }, ctx) => {
      if (running.has(batchId)) throw new AppError('conflict', `Batch ${batchId} is running already.`);
      const controller = new AbortController();
      running.set(batchId, controller);
      try {
        return await runner.run({
          ...pairs,
          batchId,
          concurrency,
          userId: ctx.session.userId,
          signal: ctx.signal ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal,
          onItem: (item) => ctx.emit('batch:item', { batchId, item }),
        });
      } finally {
        running.delete(batchId);
      }
    },
    'drafts:batch-cancel': ({ batchId }) => {
      const controller = running.get(batchId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}
