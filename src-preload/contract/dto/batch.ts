// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { idSchema, taskSchema } from './common';
import { draftKindSchema } from './drafting';
import { queuedTaskSchema } from './queue';

/** Most items one batch may hold, and most drafts it runs at a time. */
export const BATCH_MAX_ITEMS = 200;
export const BATCH_MAX_CONCURRENCY = 8;
export const BATCH_DEFAULT_CONCURRENCY = 2;

/** Many candidates × one posting, or one candidate × many postings (one side has exactly one). */
export const batchPairsInputSchema = z
  .object({
    kind: draftKindSchema,
    candidateIds: z.array(idSchema).min(1).max(BATCH_MAX_ITEMS),
    jobPostingIds: z.array(idSchema).min(1).max(BATCH_MAX_ITEMS),
    provider: z.string().max(64).optional(),
  })
  .strict();
export type BatchPairsInput = z.infer<typeof batchPairsInputSchema>;

/**
 * One routed call's estimate: the input tokens the budgets estimate for the request (3 characters a token) and the
 * most output tokens it may use (the request's cap, lowered by the provider's), priced with the price table.
 */
export const callEstimateSchema = z.object({
  task: taskSchema,
  /** The provider the router would try first now; null: the offline drafter (no provider for the task). */
  providerName: z.string().nullable(),
  model: z.string().nullable(),
  inputTokens: z.number().int(),
  maxOutputTokens: z.number().int(),
  /** Input estimate + max output at the model's price; null when the model is unpriced; 0 offline. */
  costUsd: z.number().nullable(),
  /** Why there is no provider: "offline drafter (no provider for this task)", or the data policy refusing them all. */
  note: z.string().nullable(),
});
export type CallEstimate = z.infer<typeof callEstimateSchema>;

export const batchEstimateItemSchema = z.lazy(() =>
  z.object({
    index: z.number().int(),
    candidateId: z.string(),
    jobPostingId: z.string(),
    /** "Lea Sørensen — Backend engineer at Northwind Logistics". */
    label: z.string(),
    draft: callEstimateSchema,
  }),
);

export const batchEstimateSchema = z.lazy(() =>
  z.object({
    /** Always true: these are estimates, not what the providers will report. */
    estimated: z.literal(true),
    kind: draftKindSchema,
    items: z.array(batchEstimateItemSchema),
    /** Postings with no fields yet: each is extracted once before its drafts. */
    extractions: z.array(callEstimateSchema.extend({ jobPostingId: z.string(), label: z.string() })),
    total: z.object({
      inputTokens: z.number().int(),
      maxOutputTokens: z.number().int(),
      /** The priced calls' cost; `unpricedCalls` are not in it. */
      costUsd: z.number(),
      unpricedCalls: z.number().int(),
    }),
  }),
);
export type BatchEstimate = z.infer<typeof batchEstimateSchema>;

export const BATCH_ITEM_STATUSES = ['pending', 'running', 'done', 'failed', 'queued', 'cancelled'] as const;
export const batchItemStatusSchema = z.enum(BATCH_ITEM_STATUSES);
export type BatchItemStatus = z.infer<typeof batchItemStatusSchema>;

/** Where one item stands; its result once it is done, failed, queued or cancelled. */
export const batchItemResultSchema = z.lazy(() =>
  z.object({
    index: z.number().int(),
    candidateId: z.string(),
    jobPostingId: z.string(),
    label: z.string(),
    status: batchItemStatusSchema,
    /** The document drafted into (done, queued, or cancelled while running with text kept). */
    documentId: z.string().nullable(),
    /** The version this item stored (done; cancelled: the incomplete `stopped` version). */
    version: z.number().int().nullable(),
    providerName: z.string().nullable(),
    offline: z.boolean(),
    inputTokens: z.number().int().nullable(),
    outputTokens: z.number().int().nullable(),
    costUsd: z.number().nullable(),
    /** Why it failed (an error code and message) or was cancelled. */
    reason: z.object({ code: z.string(), message: z.string() }).nullable(),
    queued: queuedTaskSchema.nullable(),
  }),
);
export type BatchItemResult = z.infer<typeof batchItemResultSchema>;

export const batchRunInputSchema = z.lazy(() =>
  batchPairsInputSchema
    .extend({
      /** Chosen by the caller so it can cancel the run and match its `batch:item` events. */
      batchId: z.string().min(1).max(64),
      concurrency: z.number().int().min(1).max(BATCH_MAX_CONCURRENCY).default(BATCH_DEFAULT_CONCURRENCY),
    })
    .strict(),
);

export const batchCountsSchema = z.lazy(() =>
  z.object({
    done: z.number().int(),
    failed: z.number().int(),
    queued: z.number().int(),
    cancelled: z.number().int(),
  }),
);
export type BatchCounts = z.infer<typeof batchCountsSchema>;

export const batchRunOutputSchema = z.lazy(() =>
  z.object({
    batchId: z.string(),
    items: z.array(batchItemResultSchema),
    counts: batchCountsSchema,
    /** The run was cancelled: items not started are `cancelled`, running ones were stopped. */
    cancelled: z.boolean(),
  }),
);
export type BatchRunOutput = z.infer<typeof batchRunOutputSchema>;

/** Pushed when an item starts and when it ends. */
export const batchItemEventSchema = z.object({ batchId: z.string(), item: batchItemResultSchema });
