// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { taskSchema } from './common';

export const PROVIDER_KINDS = ['gemini', 'openai', 'anthropic', 'openai-compatible'] as const;
export const providerKindSchema = z.enum(PROVIDER_KINDS);
export type ProviderKind = z.infer<typeof providerKindSchema>;

/** Every provider failure is classified into exactly one of these (see src-main/providers/errors.ts). */
export const PROVIDER_ERROR_CLASSES = [
  'rate_limited',
  'unavailable',
  'auth',
  'context_length',
  'bad_request',
  'invalid_output',
  'offline',
  'aborted',
] as const;
export const providerErrorClassSchema = z.enum(PROVIDER_ERROR_CLASSES);
export type ProviderErrorClass = z.infer<typeof providerErrorClassSchema>;

export const LIMIT_BEHAVIOURS = ['fallback', 'error', 'queue'] as const;
export const limitBehaviourSchema = z.enum(LIMIT_BEHAVIOURS);
export type LimitBehaviour = z.infer<typeof limitBehaviourSchema>;

const nameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(64, 'Name is at most 64 characters')
  .regex(/^[\w .-]+$/u, 'Name may contain letters, digits, spaces, dots, dashes and underscores');

const positiveInt = z.number().int().positive();

/** Where a provider processes data; `local` stays on the machine or the organisation's network. */
export const PROVIDER_REGIONS = ['eu', 'us', 'other', 'local'] as const;
export const providerRegionSchema = z.enum(PROVIDER_REGIONS);
export type ProviderRegion = z.infer<typeof providerRegionSchema>;

/** The editable fields, without defaults (a patch must not reset what it does not mention). */
const providerConfigFields = {
  name: nameSchema,
  kind: providerKindSchema,
  model: z.string().trim().min(1, 'Model is required').max(128),
  baseUrl: z
    .url({ protocol: /^https?$/u })
    .max(512)
    .nullable(),
  tasks: z.array(taskSchema).max(4),
  priority: z.number().int().min(0).max(1000),
  isDefault: z.boolean(),
  active: z.boolean(),
  dailyTokenLimit: positiveInt.nullable(),
  monthlyTokenLimit: positiveInt.nullable(),
  monthlyCostLimitUsd: z.number().positive().max(1_000_000).nullable(),
  onLimit: limitBehaviourSchema,
  timeoutMs: z.number().int().min(1000).max(600_000),
  maxOutputTokens: z.number().int().min(1).max(200_000),
  region: providerRegionSchema,
  /** How long the provider keeps what it is sent, as the admin knows it ("30 days", "none"). */
  dataRetention: z.string().trim().min(1).max(200).nullable(),
  /** The provider may receive candidates' personal data at all. */
  personalData: z.boolean(),
  /** Candidate identifiers are replaced by placeholders before a request leaves (default: on unless local). */
  piiMasking: z.boolean(),
};

/** What an admin edits. The API key is never part of a config DTO: it is write-only. */
export const providerConfigInputSchema = z.object({
  ...providerConfigFields,
  baseUrl: providerConfigFields.baseUrl.default(null),
  tasks: providerConfigFields.tasks.default([]),
  priority: providerConfigFields.priority.default(100),
  isDefault: providerConfigFields.isDefault.default(false),
  active: providerConfigFields.active.default(true),
  dailyTokenLimit: providerConfigFields.dailyTokenLimit.default(null),
  monthlyTokenLimit: providerConfigFields.monthlyTokenLimit.default(null),
  monthlyCostLimitUsd: providerConfigFields.monthlyCostLimitUsd.default(null),
  onLimit: providerConfigFields.onLimit.default('fallback'),
  timeoutMs: providerConfigFields.timeoutMs.default(60_000),
  maxOutputTokens: providerConfigFields.maxOutputTokens.default(4096),
  region: providerConfigFields.region.default('other'),
  dataRetention: providerConfigFields.dataRetention.default(null),
  personalData: providerConfigFields.personalData.default(true),
  piiMasking: providerConfigFields.piiMasking.optional(),
});
export type ProviderConfigInput = z.infer<typeof providerConfigInputSchema>;

/** A partial update: only the fields present change. */
export const providerConfigPatchSchema = z.lazy(() => z.object(providerConfigFields).partial().strict());
export type ProviderConfigPatch = z.infer<typeof providerConfigPatchSchema>;

export const providerConfigDtoSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: providerKindSchema,
    model: z.string(),
    baseUrl: z.string().nullable(),
    tasks: z.array(taskSchema),
    priority: z.number().int(),
    isDefault: z.boolean(),
    active: z.boolean(),
    dailyTokenLimit: z.number().int().nullable(),
    monthlyTokenLimit: z.number().int().nullable(),
    monthlyCostLimitUsd: z.number().nullable(),
    onLimit: limitBehaviourSchema,
    timeoutMs: z.number().int(),
    maxOutputTokens: z.number().int(),
    region: providerRegionSchema,
    dataRetention: z.string().nullable(),
    personalData: z.boolean(),
    piiMasking: z.boolean(),
    /** Last 4 characters of the key, or null when no key is stored. */
    keyHint: z.string().nullable(),
    hasKey: z.boolean(),
    keyInvalid: z.boolean(),
    keySetAt: z.number().int().nullable(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  }),
);
export type ProviderConfigDto = z.infer<typeof providerConfigDtoSchema>;

/** What a credentials test needs of a config that is not saved yet: where to connect, with which model. */
export const providerConnectionSchema = z.lazy(() =>
  z
    .object({
      kind: providerKindSchema,
      model: providerConfigFields.model,
      baseUrl: providerConfigFields.baseUrl.default(null),
      timeoutMs: providerConfigFields.timeoutMs.default(60_000),
    })
    .strict(),
);
export type ProviderConnection = z.infer<typeof providerConnectionSchema>;

/** Why a test of unsaved settings failed, precisely enough to say what to fix. */
export const CONFIG_TEST_FAILURES = [
  'no_key',
  'auth',
  'unknown_model',
  'no_models_endpoint',
  'unreachable',
  'timeout',
  'rate_limited',
  'server_error',
  'rejected',
] as const;
export const configTestFailureSchema = z.enum(CONFIG_TEST_FAILURES);
export type ConfigTestFailure = z.infer<typeof configTestFailureSchema>;

export const configTestResultSchema = z.lazy(() =>
  z.object({
    ok: z.boolean(),
    model: z.string(),
    /** Whether the provider lists the model; null when its model list could not be read. */
    modelFound: z.boolean().nullable(),
    /** How many models the provider listed; null when the list could not be read. */
    modelCount: z.number().int().nullable(),
    latencyMs: z.number(),
    failure: configTestFailureSchema.nullable(),
    /** The HTTP status the provider answered with, when it answered with an error. */
    status: z.number().int().nullable(),
    message: z.string(),
  }),
);
export type ConfigTestResult = z.infer<typeof configTestResultSchema>;
