// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';

const days = z.number().int().min(1).max(36_500);

/** How long the app keeps each kind of history; null keeps everything (the default). */
export const retentionSettingsSchema = z.lazy(() =>
  z
    .object({
      /**
       * Usage events older than this many days are removed (the hourly/daily rollups stay), and with them the
       * provider health history (probes and state changes) of the same age, except each provider's latest of each.
       */
      usageEventsDays: days.nullable(),
      /** Each document keeps its newest this many versions (the latest is always kept). */
      documentVersionsKeep: z.number().int().min(1).max(10_000).nullable(),
      /** Audit entries older than this many days are removed as a checkpointed prefix. */
      auditDays: days.nullable(),
    })
    .strict(),
);
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

/** What one option frees: rows are counted exactly; bytes are an estimate from the store's pages. */
export const freedSchema = z.lazy(() =>
  z.object({
    rows: z.number().int(),
    approxBytes: z.number().int(),
    /** Why this option cannot run now (e.g. the audit key is unavailable), or null. */
    blocked: z.string().nullable(),
  }),
);
export type Freed = z.infer<typeof freedSchema>;

export const retentionEstimateSchema = z.lazy(() =>
  z.object({
    usageEvents: freedSchema,
    /** Provider health history rows older than the usage events window (removed with them). */
    providerHealth: freedSchema,
    documentVersions: freedSchema,
    auditEntries: freedSchema,
  }),
);
export type RetentionEstimate = z.infer<typeof retentionEstimateSchema>;

/** What a purge removed and how the database file changed. */
export const purgeResultSchema = z.lazy(() =>
  z.object({
    at: z.number().int(),
    usageEvents: z.number().int(),
    /** Provider health history rows (a purge stored before they were purged says 0). */
    providerHealth: z.number().int().default(0),
    documentVersions: z.number().int(),
    auditEntries: z.number().int(),
    /** Why the audit log was not pruned although asked, or null. */
    auditBlocked: z.string().nullable(),
    space: z.object({
      /** incremental: free pages returned with incremental_vacuum; vacuum: the file rewritten; none: kept for reuse. */
      method: z.enum(['incremental', 'vacuum', 'none']),
      fileBytesBefore: z.number().int(),
      fileBytesAfter: z.number().int(),
      /** Free pages left inside the file (reused by later writes). */
      freeBytesLeft: z.number().int(),
      note: z.string().nullable(),
    }),
  }),
);
export type PurgeResult = z.infer<typeof purgeResultSchema>;

export const retentionStatusSchema = z.lazy(() =>
  z.object({
    settings: retentionSettingsSchema,
    /** What the saved settings would free now. */
    estimate: retentionEstimateSchema,
    lastPurge: purgeResultSchema.nullable(),
    database: z.object({
      fileBytes: z.number().int(),
      freeBytes: z.number().int(),
      autoVacuum: z.enum(['none', 'full', 'incremental']),
    }),
  }),
);
export type RetentionStatus = z.infer<typeof retentionStatusSchema>;

export const retentionSetOutputSchema = z.lazy(() =>
  z.object({ settings: retentionSettingsSchema, purge: purgeResultSchema }),
);
