import type { BatchEstimate, BatchPairsInput, CallEstimate, Task } from '@contract';
import type { ProviderConfigRow } from '../../providers/config-service';
import { allowedByPolicy, keySkip, worstCaseOf } from '../../routing/candidate-rules';
import type { EffectivePolicy } from '../../routing/compliance/policy-rules';
import { providerNotRouted } from '../../routing/routing-errors';
import { microsToUsd, usdToMicros } from '../../usage/money';
import type { Price } from '../../usage/pricing';
import type { DraftingService, PlannedCall } from '../service/drafting-service';
import { batchPairs, type BatchPair } from './batch-pairs';

export interface BatchEstimateDeps {
  drafting: DraftingService;
  /** The task's routed configs (only `providerName` when given). */
  candidates: (task: Task, providerName?: string) => ProviderConfigRow[];
  /** The order the next call would use (no exploration). */
  preview: (task: Task, rows: ProviderConfigRow[]) => ProviderConfigRow[];
  policy: (task: Task, candidateId: string | null) => EffectivePolicy;
  priceFor: (model: string) => Price | null;
  /** The config's circuit is open: the router skips it now. */
  circuitOpen: (configId: string) => boolean;
}

const OFFLINE_NOTE = 'offline (no provider for this task): no tokens, no cost';
const REFUSED_NOTE = 'no provider the data policy allows: the item will be refused';

/**
 * The tokens and cost a batch would use, estimated per call as the budgets reserve it (input estimate + the most
 * output tokens) with the provider the router would try first now, priced with the price table. An upper bound:
 * a provider reports what it really used, usually less output.
 */
export class BatchEstimator {
  constructor(private readonly deps: BatchEstimateDeps) {}

  estimate(input: BatchPairsInput): BatchEstimate {
    const pairs = batchPairs(this.deps.drafting, input);
    const extractions = new Map<string, BatchEstimate['extractions'][number]>();
    const items = pairs.map((pair) => {
      const planned = this.deps.drafting.plannedDraft(input.kind, pair.candidateId, pair.jobPostingId);
      if (planned.extraction && !extractions.has(pair.jobPostingId))
        // The implicit extraction routes as usual: `provider` names the drafting provider only.
        extractions.set(pair.jobPostingId, {
          ...this.call(planned.extraction),
          jobPostingId: pair.jobPostingId,
          label: pair.postingLabel,
        });
      return { ...itemOf(pair), draft: this.call(planned.draft, input.provider) };
    });
    const calls = [...items.map((i) => i.draft), ...extractions.values()];
    return {
      estimated: true,
      kind: input.kind,
      items,
      extractions: [...extractions.values()],
      total: {
        inputTokens: sum(calls.map((c) => c.inputTokens)),
        maxOutputTokens: sum(calls.map((c) => c.maxOutputTokens)),
        costUsd: microsToUsd(sum(calls.map((c) => usdToMicros(c.costUsd ?? 0)))),
        unpricedCalls: calls.filter((c) => c.costUsd === null).length,
      },
    };
  }

  private call(planned: PlannedCall, providerName?: string): CallEstimate {
    const routed = this.deps.candidates(planned.task, providerName);
    if (routed.length === 0 && providerName) throw providerNotRouted(providerName, planned.task);
    const offline = { task: planned.task, providerName: null, model: null, inputTokens: 0, maxOutputTokens: 0 };
    if (routed.length === 0) return { ...offline, costUsd: 0, note: OFFLINE_NOTE };
    const policy = this.deps.policy(planned.task, planned.candidateId);
    const allowed = allowedByPolicy(routed, policy, planned.candidateId !== null);
    const row = this.deps
      .preview(planned.task, allowed)
      .find((r) => keySkip(r) === null && !this.deps.circuitOpen(r.id));
    if (!row) return { ...offline, costUsd: 0, note: allowed.length === 0 ? REFUSED_NOTE : OFFLINE_NOTE };
    const worst = worstCaseOf(planned.request, row, this.deps.priceFor(row.model));
    return {
      task: planned.task,
      providerName: row.name,
      model: row.model,
      inputTokens: worst.inputTokens,
      maxOutputTokens: worst.maxOutputTokens,
      costUsd: worst.costMicros === null ? null : microsToUsd(worst.costMicros),
      note: null,
    };
  }
}

const itemOf = (pair: BatchPair) => ({
  index: pair.index,
  candidateId: pair.candidateId,
  jobPostingId: pair.jobPostingId,
  label: pair.label,
});

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
