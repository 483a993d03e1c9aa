// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';

/** A provider's health (admin guide, "Provider health"); `unknown` until a probe or a call was seen. */
export const PROVIDER_HEALTH_STATES = ['unknown', 'healthy', 'degraded', 'down'] as const;
export const providerHealthStateSchema = z.enum(PROVIDER_HEALTH_STATES);
export type ProviderHealthState = z.infer<typeof providerHealthStateSchema>;

/** Probe interval bounds: at least a minute, at most a day. */
export const PROBE_EVERY_MIN_MS = 60_000;
export const PROBE_EVERY_MAX_MS = 86_400_000;

export const probeRowSchema = z.lazy(() =>
  z.object({
    at: z.number().int(),
    ok: z.boolean(),
    latencyMs: z.number().int().nullable(),
    failure: z.string().nullable(),
  }),
);

export const healthChangeSchema = z.object({
  name: z.string(),
  at: z.number().int(),
  state: providerHealthStateSchema,
  previousState: providerHealthStateSchema.nullable(),
  reason: z.string().nullable(),
});
export type HealthChangeDto = z.infer<typeof healthChangeSchema>;

export const providerHealthStatusSchema = z.lazy(() =>
  z.object({
    name: z.string(),
    state: providerHealthStateSchema,
    /** When the provider entered this state (null: never evaluated). */
    since: z.number().int().nullable(),
    reason: z.string().nullable(),
    /** Probe interval in ms; null = probes off. */
    probeEveryMs: z.number().int().nullable(),
    lastProbe: probeRowSchema.nullable(),
    /** Newest first, at most 10. */
    recentChanges: z.array(healthChangeSchema),
  }),
);
export type ProviderHealthStatusDto = z.infer<typeof providerHealthStatusSchema>;

export const healthHistoryInputSchema = z.lazy(() =>
  z
    .object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() })
    .strict()
    .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`' }),
);

/** The state changes in a range per provider, and the state each one was in at `from`. */
export const healthHistorySchema = z.lazy(() =>
  z.object({
    from: z.number().int(),
    to: z.number().int(),
    providers: z.array(
      z.object({
        name: z.string(),
        stateAtFrom: providerHealthStateSchema,
        changes: z.array(healthChangeSchema),
      }),
    ),
  }),
);
export type HealthHistoryDto = z.infer<typeof healthHistorySchema>;

export const setProbeEveryInputSchema = z.lazy(() =>
  z
    .object({
      name: z.string().min(1).max(64),
      everyMs: z.number().int().min(PROBE_EVERY_MIN_MS).max(PROBE_EVERY_MAX_MS).nullable(),
    })
    .strict(),
);

/** Pushed to every window when a provider's health state changes. */
export const providerHealthEventSchema = healthChangeSchema;
