import type { BatchCounts, BatchItemResult, BatchRunOutput, DraftKind, JobFields } from '@contract';
import { batchItem } from '@shared/batch-item';
import { isAppError } from '../../errors';
import type { DraftingService } from '../service/drafting-service';
import { batchPairs, type BatchPair } from './batch-pairs';

export interface BatchRun {
  batchId: string;
  kind: DraftKind;
  candidateIds: string[];
  jobPostingIds: string[];
  provider?: string | undefined;
  concurrency: number;
  userId: string;
  /** Cancels the run: items not started are cancelled, running ones are stopped as Stop stops a single draft. */
  signal: AbortSignal;
  /** Called when an item starts (`running`) and when it ends. */
  onItem: (item: BatchItemResult) => void;
}

export interface BatchRunnerDeps {
  drafting: DraftingService;
  /** Removes stored secrets from a reason's message. */
  redact: (text: string) => string;
  /** The log file, for an unexpected error's stack (the item's reason only points to it). */
  log: (line: string) => void;
}

const STOPPED_KEPT = 'Stopped: the text so far is kept as an incomplete version.';
const CANCELLED_RUNNING = 'Stopped before any text arrived: nothing was kept.';
const CANCELLED_WAITING = 'Cancelled before it started.';

/**
 * Drafts each pair of a batch through `DraftingService.generate`, the path a single draft takes (same prompt, routing,
 * budgets and quotas per item, offline drafter, queue, stored version), at most `concurrency` at a time. Every item
 * ends with a result: one item's failure, budget refusal included, never stops the others; only a cancel does.
 */
export class BatchRunner {
  constructor(private readonly deps: BatchRunnerDeps) {}

  async run(run: BatchRun): Promise<BatchRunOutput> {
    const pairs = batchPairs(this.deps.drafting, run);
    const results: BatchItemResult[] = pairs.map((pair) => blank(pair, 'pending'));
    const fields = new Map<string, Promise<JobFields>>();
    // A posting without fields is extracted once, before its first draft, not once per concurrent draft.
    const fieldsOf = (jobPostingId: string) => {
      let pending = fields.get(jobPostingId);
      if (!pending) {
        pending = this.deps.drafting.postingFields(jobPostingId, { userId: run.userId, signal: run.signal });
        fields.set(jobPostingId, pending);
      }
      return pending;
    };
    let next = 0;
    const worker = async () => {
      while (next < pairs.length) {
        const i = next++;
        const pair = pairs[i]!;
        results[i] = await this.item(pair, run, fieldsOf);
        run.onItem(results[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(run.concurrency, pairs.length) }, worker));
    return { batchId: run.batchId, items: results, counts: countsOf(results), cancelled: run.signal.aborted };
  }

  private async item(
    pair: BatchPair,
    run: BatchRun,
    fieldsOf: (jobPostingId: string) => Promise<JobFields>,
  ): Promise<BatchItemResult> {
    if (run.signal.aborted) return { ...blank(pair, 'cancelled'), reason: cancelled(CANCELLED_WAITING) };
    run.onItem(blank(pair, 'running'));
    try {
      await fieldsOf(pair.jobPostingId);
      const out = await this.deps.drafting.generate(
        { kind: run.kind, candidateId: pair.candidateId, jobPostingId: pair.jobPostingId },
        { userId: run.userId, signal: run.signal, ...(run.provider ? { provider: run.provider } : {}) },
      );
      const version = 'queued' in out ? null : (out.document.versions[0]?.version ?? null);
      const stored = { ...blank(pair, 'done'), documentId: out.document.id, version };
      if ('queued' in out) return { ...stored, status: 'queued', queued: out.queued };
      if (out.stopped || !out.meta) return { ...stored, status: 'cancelled', reason: cancelled(STOPPED_KEPT) };
      const { meta } = out;
      return {
        ...stored,
        providerName: meta.providerName,
        offline: meta.offline,
        inputTokens: meta.offline ? 0 : meta.inputTokens,
        outputTokens: meta.offline ? 0 : meta.outputTokens,
        costUsd: meta.offline ? 0 : meta.costUsd,
      };
    } catch (err) {
      if (run.signal.aborted) return { ...blank(pair, 'cancelled'), reason: cancelled(CANCELLED_RUNNING) };
      return { ...blank(pair, 'failed'), reason: this.reasonOf(err) };
    }
  }

  private reasonOf(err: unknown): { code: string; message: string } {
    if (isAppError(err)) return { code: err.code, message: this.deps.redact(err.message) };
    this.deps.log(`batch item: ${this.deps.redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
    return { code: 'internal', message: 'An unexpected error stopped this item; the log file has the details.' };
  }
}

const cancelled = (message: string) => ({ code: 'cancelled', message });

const blank = (pair: BatchPair, status: BatchItemResult['status']) => batchItem(pair, status);

export function countsOf(items: readonly BatchItemResult[]): BatchCounts {
  const count = (status: BatchItemResult['status']) => items.filter((i) => i.status === status).length;
  return { done: count('done'), failed: count('failed'), queued: count('queued'), cancelled: count('cancelled') };
}
