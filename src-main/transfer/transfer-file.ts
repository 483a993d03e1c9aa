import { z } from 'zod';
import {
  dataPolicySchema,
  providerConfigInputSchema,
  routingStrategySchema,
  settingsSchema,
  taskSchema,
} from '@contract';

export const TRANSFER_FORMAT = 'aditus-providers';
/** 2 added each task's routing strategy and data policy; a version 1 file (without them) is still read. */
export const TRANSFER_VERSION = 2;
export const READABLE_VERSIONS: readonly unknown[] = [1, 2];

// The file's schemas are z.lazy: built when a transfer file is first read or written, not at every start.
const base64 = z.string().regex(/^[A-Za-z0-9_-]+$/u, 'must be base64url');

/**
 * How the keys were encrypted. The accepted scrypt cost is bounded both ways: never weaker than the export's
 * (N=2^17, r=8), and never so high that a foreign file could make the import allocate more than 512 MiB.
 */
export const keyEnvelopeSchema = z.lazy(() =>
  z
    .object({
      kdf: z
        .object({
          name: z.literal('scrypt'),
          N: z.union([z.literal(2 ** 17), z.literal(2 ** 18), z.literal(2 ** 19)]),
          r: z.literal(8),
          p: z.number().int().min(1).max(4),
          salt: base64.min(22),
        })
        .strict(),
      cipher: z.object({ name: z.literal('aes-256-gcm'), nonce: base64.length(16) }).strict(),
      ciphertext: base64,
      tag: base64.length(22),
    })
    .strict(),
);
export type KeyEnvelope = z.infer<typeof keyEnvelopeSchema>;

const exportedProviderSchema = z.lazy(() =>
  providerConfigInputSchema
    .extend({
      /** Whether this provider's key is inside `keys` (encrypted). */
      hasKey: z.boolean(),
    })
    .strict(),
);
export type ExportedProvider = z.infer<typeof exportedProviderSchema>;

const usdPerMTok = z.number().min(0).max(1_000_000);
const exportedPriceSchema = z.lazy(() =>
  z
    .object({
      model: z.string().min(1).max(128),
      inputUsdPerMTok: usdPerMTok,
      outputUsdPerMTok: usdPerMTok,
      cachedInputUsdPerMTok: usdPerMTok.nullable(),
      source: z.string().max(512),
    })
    .strict(),
);
export type ExportedPrice = z.infer<typeof exportedPriceSchema>;

const exportedRoutingSchema = z.lazy(() => z.object({ task: taskSchema, strategy: routingStrategySchema }).strict());
export type ExportedRouting = z.infer<typeof exportedRoutingSchema>;

/**
 * Task data policies only: a candidate's policy names a candidate id of this laptop's store, which the file does
 * not carry (candidates are not moved with the providers), so it would point at nothing on the other laptop.
 */
const exportedPolicySchema = z.lazy(() => z.object({ task: taskSchema, allow: dataPolicySchema }).strict());
export type ExportedPolicy = z.infer<typeof exportedPolicySchema>;

const oncePerTask = (entries: { task: string }[], field: string, ctx: z.RefinementCtx): void => {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.task)) ctx.addIssue({ code: 'custom', path: [field, i, 'task'], message: 'appears twice' });
    seen.add(e.task);
  });
};

/** The file `aditus providers export` writes (version 2; version 1 had no routing and policies). `checksum` is checked before this schema. */
export const transferFileSchema = z.lazy(() =>
  z
    .object({
      format: z.literal(TRANSFER_FORMAT),
      version: z.union([z.literal(1), z.literal(TRANSFER_VERSION)]),
      exportedAt: z.iso.datetime(),
      appVersion: z.string().max(64),
      providers: z.array(exportedProviderSchema).max(500),
      prices: z.array(exportedPriceSchema).max(5000),
      /** Settings this version knows are checked against the app's settings schema; others are left out (reported). */
      settings: z.record(z.string(), z.unknown()),
      /** Each task's routing strategy (version 2; absent from a version 1 file). */
      routing: z.array(exportedRoutingSchema).max(50).optional(),
      /** Each task's data policy (version 2; absent from a version 1 file). */
      policies: z.array(exportedPolicySchema).max(50).optional(),
      keys: keyEnvelopeSchema.nullable(),
      checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/u),
    })
    .strict()
    .superRefine((file, ctx) => {
      const names = new Set<string>();
      file.providers.forEach((p, i) => {
        if (names.has(p.name))
          ctx.addIssue({ code: 'custom', path: ['providers', i, 'name'], message: 'appears twice' });
        names.add(p.name);
      });
      oncePerTask(file.routing ?? [], 'routing', ctx);
      oncePerTask(file.policies ?? [], 'policies', ctx);
      if (file.keys === null && file.providers.some((p) => p.hasKey))
        ctx.addIssue({
          code: 'custom',
          path: ['keys'],
          message: 'a provider says it has a key but the file holds none',
        });
    }),
);
export type TransferFile = z.infer<typeof transferFileSchema>;

/** The settings of a file that this version knows, checked; unknown ones are named in `ignored`. */
export const knownSettingsSchema = settingsSchema.partial().strict();

/** Encrypted inside `keys.ciphertext`: provider name → API key. */
export const sealedKeysSchema = z.record(z.string().min(1).max(64), z.string().min(1).max(512));
