// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';

/** At a user's quota: refuse (`block`), store the task until the quota resets (`queue`), or draft offline (`offline`). */
export const USER_LIMIT_BEHAVIOURS = ['block', 'queue', 'offline'] as const;
export const userLimitBehaviourSchema = z.enum(USER_LIMIT_BEHAVIOURS);
export type UserLimitBehaviour = z.infer<typeof userLimitBehaviourSchema>;

/** A user (profile) name: an OS user name or a recruiter's name. */
export const userNameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(64, 'Name is at most 64 characters')
  .regex(/^[\w.@-][\w .@-]*$/u, 'Name may contain letters, digits, spaces, dots, @, dashes and underscores');

const quota = z.number().int().positive().nullable();
const costQuota = z.number().positive().max(1_000_000).nullable();

/** A user's quotas (null: none). Cost in USD. */
export const userQuotasSchema = z.object({
  dailyTokens: quota,
  monthlyTokens: quota,
  dailyCostUsd: costQuota,
  monthlyCostUsd: costQuota,
  onLimit: userLimitBehaviourSchema,
});

export const userInputSchema = z.lazy(() =>
  z
    .object({
      name: userNameSchema,
      dailyTokens: quota.default(null),
      monthlyTokens: quota.default(null),
      dailyCostUsd: costQuota.default(null),
      monthlyCostUsd: costQuota.default(null),
      onLimit: userLimitBehaviourSchema.default('block'),
    })
    .strict(),
);
export type UserInput = z.input<typeof userInputSchema>;

export const userPatchSchema = z.lazy(() => userQuotasSchema.partial().strict());
export type UserPatch = z.infer<typeof userPatchSchema>;

export const userDtoSchema = z.lazy(() =>
  userQuotasSchema.extend({
    name: z.string(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  }),
);
export type UserDto = z.infer<typeof userDtoSchema>;

/** Use against one quota in its period (today or this month). `limit` null: no quota; `percent` of the limit. */
const quotaUseSchema = z.object({
  used: z.number(),
  limit: z.number().nullable(),
  percent: z.number().nullable(),
});

/** A user's use today and this month (settled usage from the rollups, plus calls in flight) against their quotas. */
export const userQuotaUseSchema = z.lazy(() =>
  z.object({
    user: z.string(),
    /** false: a user who made calls and is not in the user list (e.g. an OS user before users were managed). */
    known: z.boolean(),
    onLimit: userLimitBehaviourSchema.nullable(),
    dayTokens: quotaUseSchema,
    monthTokens: quotaUseSchema,
    dayCostUsd: quotaUseSchema,
    monthCostUsd: quotaUseSchema,
    dayResetsAt: z.number().int(),
    monthResetsAt: z.number().int(),
  }),
);
export type UserQuotaUse = z.infer<typeof userQuotaUseSchema>;

/** Who the app acts as: the chosen profile (or the OS user), and whether users are managed at all. */
export const actingUserSchema = z.lazy(() =>
  z.object({
    name: z.string(),
    /** The OS user, the default profile. */
    osUser: z.string(),
    /** true: the user list is empty and the OS user acts as an implicit user without quotas. */
    implicit: z.boolean(),
  }),
);
export type ActingUser = z.infer<typeof actingUserSchema>;
