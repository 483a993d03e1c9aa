// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { taskSchema } from './common';

export const ROUTING_STRATEGIES = ['priority', 'cheapest', 'fastest', 'most_reliable', 'balanced'] as const;
export const routingStrategySchema = z.enum(ROUTING_STRATEGIES);
export type RoutingStrategy = z.infer<typeof routingStrategySchema>;

/** One candidate as the strategy saw it: its recent statistics and score (null below the minimum sample). */
export const routeCandidateSchema = z.lazy(() =>
  z.object({
    providerName: z.string(),
    configId: z.string(),
    /** Position in the configured order (default first, then priority), 0-based. */
    priorityPosition: z.number().int(),
    /** Calls in the window (last 24 h, at most the last 100 calls of this provider for this task). */
    samples: z.number().int(),
    successRate: z.number().nullable(),
    p50LatencyMs: z.number().nullable(),
    /** Expected cost of one call, from the price table and this provider's recent token counts (an estimate). */
    expectedCostUsd: z.number().nullable(),
    /** 0..1, higher is better; null when the provider keeps its priority position (too few samples or no price). */
    score: z.number().nullable(),
  }),
);
export type RouteCandidate = z.infer<typeof routeCandidateSchema>;

/** Why the providers were tried in this order. */
export const routeReasonSchema = z.lazy(() =>
  z.object({
    strategy: routingStrategySchema,
    /** This call went to the best non-first provider (the exploration share). */
    explored: z.boolean(),
    /** The previous first choice was kept: the challenger did not beat it by the hysteresis margin. */
    held: z.boolean(),
    minSamples: z.number().int(),
    /** In the order the providers were tried. */
    candidates: z.array(routeCandidateSchema),
  }),
);
export type RouteReason = z.infer<typeof routeReasonSchema>;

export const routingTaskSchema = z.lazy(() =>
  z.object({
    task: taskSchema,
    strategy: routingStrategySchema,
    /** The order the next call would use (without exploration), with scores. */
    order: z.array(routeCandidateSchema),
  }),
);
export type RoutingTaskDto = z.infer<typeof routingTaskSchema>;

export const routingSetInputSchema = z.lazy(() =>
  z.object({ task: taskSchema, strategy: routingStrategySchema }).strict(),
);
