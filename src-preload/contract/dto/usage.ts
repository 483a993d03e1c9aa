// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { taskSchema } from './common';
import { routeReasonSchema } from './routing';

/** `hour`: one group per hour bucket (its start, ms); `hour_of_day`: one per local hour of the day, "00"–"23". */
export const GROUP_BYS = ['provider', 'task', 'model', 'day', 'user', 'hour', 'hour_of_day', 'provider_day'] as const;

export const statsRowSchema = z.lazy(() =>
  z.object({
    key: z.string(),
    series: z.string().optional(),
    calls: z.number(),
    errors: z.number(),
    errorRate: z.number(),
    fallbacks: z.number(),
    inputTokens: z.number(),
    outputTokens: z.number(),
    cachedInputTokens: z.number(),
    costUsd: z.number(),
    unpricedCalls: z.number(),
    estimatedCalls: z.number(),
    latencyP50Ms: z.number().nullable(),
    latencyP95Ms: z.number().nullable(),
    errorClasses: z.record(z.string(), z.number()),
  }),
);
export type StatsRowDto = z.infer<typeof statsRowSchema>;

/** A date range [from, to) in ms, as the usage channels take it. */
const RANGE_INPUT = { from: z.number().int().nonnegative(), to: z.number().int().nonnegative() };
const fromBeforeTo = (v: { from: number; to: number }): boolean => v.from < v.to;
const FROM_BEFORE_TO = 'from must be before to';

export const statsInputSchema = z.lazy(() =>
  z
    .object({ ...RANGE_INPUT, by: z.enum(GROUP_BYS).default('provider') })
    .strict()
    .refine(fromBeforeTo, FROM_BEFORE_TO),
);

/** The range answered (from: its first local midnight) and its totals. */
const RANGE_TOTALS = { from: z.number(), to: z.number(), totals: statsRowSchema };

export const statsOutputSchema = z.lazy(() => z.object({ ...RANGE_TOTALS, groups: z.array(statsRowSchema) }));
export type StatsDto = z.infer<typeof statsOutputSchema>;

export const dashboardInputSchema = z.lazy(() => z.object(RANGE_INPUT).strict().refine(fromBeforeTo, FROM_BEFORE_TO));

/** The Usage page's data for one range in one answer: each grouping's groups as `usage:stats` gives them. */
export const dashboardOutputSchema = z.lazy(() =>
  z.object({
    ...RANGE_TOTALS,
    byProvider: z.array(statsRowSchema),
    byProviderDay: z.array(statsRowSchema),
    byDay: z.array(statsRowSchema),
    byTask: z.array(statsRowSchema),
    byUser: z.array(statsRowSchema),
    byHourOfDay: z.array(statsRowSchema),
  }),
);
export type DashboardDto = z.infer<typeof dashboardOutputSchema>;

export const usageEventSchema = z.lazy(() =>
  z.object({
    id: z.number().int(),
    requestId: z.string(),
    attempt: z.number().int(),
    providerName: z.string(),
    providerKind: z.string(),
    model: z.string(),
    task: z.string(),
    userId: z.string(),
    status: z.enum(['ok', 'error']),
    errorClass: z.string().nullable(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    cachedInputTokens: z.number().int(),
    estimated: z.boolean(),
    costUsd: z.number().nullable(),
    priceVersion: z.number().int().nullable(),
    latencyMs: z.number().int(),
    ttftMs: z.number().int().nullable(),
    fallback: z.boolean(),
    /** Why the router put this provider where it did (null: recorded before strategies, or not routed). */
    routeReason: routeReasonSchema.nullable(),
    createdAt: z.number().int(),
  }),
);
export type UsageEventDto = z.infer<typeof usageEventSchema>;

export const priceSchema = z.lazy(() =>
  z.object({
    model: z.string(),
    version: z.number().int(),
    inputUsdPerMTok: z.number(),
    outputUsdPerMTok: z.number(),
    cachedInputUsdPerMTok: z.number().nullable(),
    source: z.string(),
    effectiveDate: z.string(),
    createdBy: z.string(),
  }),
);
export type PriceDto = z.infer<typeof priceSchema>;

const usd = z.number().min(0).max(100_000);
export const priceInputSchema = z.lazy(() =>
  z
    .object({
      model: z.string().trim().min(1).max(128),
      inputUsdPerMTok: usd,
      outputUsdPerMTok: usd,
      cachedInputUsdPerMTok: usd.nullable().default(null),
    })
    .strict(),
);

export const attemptSchema = z.lazy(() =>
  z.object({
    providerName: z.string(),
    configId: z.string(),
    providerKind: z.string(),
    model: z.string(),
    outcome: z.enum(['ok', 'error', 'skipped']),
    attempt: z.number().int().optional(),
    reason: z.string().optional(),
    message: z.string().optional(),
    latencyMs: z.number().optional(),
  }),
);
export type AttemptDto = z.infer<typeof attemptSchema>;

export const askInputSchema = z.lazy(() =>
  z
    .object({
      task: taskSchema,
      prompt: z.string().min(1).max(200_000),
      stream: z.boolean().default(false),
      provider: z.string().max(64).optional(),
    })
    .strict(),
);

export const askOutputSchema = z.lazy(() =>
  z.object({
    requestId: z.string(),
    text: z.string(),
    providerName: z.string(),
    model: z.string(),
    attempts: z.array(attemptSchema),
    usage: z.object({
      inputTokens: z.number(),
      outputTokens: z.number(),
      cachedInputTokens: z.number(),
      estimated: z.boolean(),
    }),
    costUsd: z.number().nullable(),
    /** Why the provider was chosen (strategy, scores, samples, exploration). */
    routeReason: routeReasonSchema,
  }),
);

export const outboxItemSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    task: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    attempts: z.number().int(),
    nextAttemptAt: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.number().int(),
    completionKind: z.string(),
    /** What the task is for, e.g. "CV: Ana Lima — Backend engineer". */
    label: z.string().nullable(),
  }),
);

export const circuitStateSchema = z.enum(['closed', 'open', 'half_open']);
export type CircuitState = z.infer<typeof circuitStateSchema>;

/**
 * A config's circuit and its use this local day and month (input + output tokens, cost of priced calls),
 * from the usage rollups whether or not it has a limit, plus what its calls in flight reserved.
 */
export const providerHealthSchema = z.lazy(() =>
  z.object({
    name: z.string(),
    circuit: circuitStateSchema,
    /** Failed calls in a row since its last success (this process, like the circuit). */
    recentFailures: z.number().int(),
    dayTokens: z.number(),
    monthTokens: z.number(),
    dayCostUsd: z.number(),
    monthCostUsd: z.number(),
    /** The config's model has a price, so its cost is counted (an unpriced model's cost is unknown, not 0). */
    priced: z.boolean(),
  }),
);
export type ProviderHealthDto = z.infer<typeof providerHealthSchema>;

export const settingsSchema = z.object({
  metricsExporter: z.object({ enabled: z.boolean(), port: z.number().int().min(1024).max(65535) }),
  durability: z.enum(['NORMAL', 'FULL']),
});
export type SettingsDto = z.infer<typeof settingsSchema>;
