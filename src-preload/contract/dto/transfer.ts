// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { providerKindSchema } from './providers';
import { taskSchema } from './common';
import { dataPolicySchema } from './compliance';
import { routingStrategySchema } from './routing';

/** What an import does with a provider whose name already exists here. */
export const ON_CONFLICT = ['skip', 'replace'] as const;
export const onConflictSchema = z.enum(ON_CONFLICT);
export type OnConflict = z.infer<typeof onConflictSchema>;

export const TRANSFER_PASSPHRASE_MIN = 10;

/** The passphrase that encrypts the keys in an export file; never stored, never sent back. */
export const transferPassphraseSchema = z
  .string()
  .min(TRANSFER_PASSPHRASE_MIN, `The passphrase must be at least ${TRANSFER_PASSPHRASE_MIN} characters long`)
  .max(1024, 'The passphrase is at most 1024 characters long');

/** An export file as text (JSON), as the admin picked it. */
export const transferFileTextSchema = z.string().min(1, 'The file is empty').max(5_000_000, 'The file is too large');

export const transferExportInputSchema = z.lazy(() =>
  z.object({ passphrase: transferPassphraseSchema.optional() }).strict(),
);

export const transferExportOutputSchema = z.lazy(() =>
  z.object({
    filename: z.string(),
    /** The file: configs, prices and settings; keys only as AES-256-GCM ciphertext. */
    content: z.string(),
    providers: z.number().int(),
    /** How many keys are in the file (encrypted); 0 without a passphrase. */
    keys: z.number().int(),
    /** Providers whose keychain entry was missing: exported without a key. */
    missingKeys: z.array(z.string()),
    prices: z.number().int(),
  }),
);
export type TransferExportOutput = z.infer<typeof transferExportOutputSchema>;

export const transferImportInputSchema = z.lazy(() =>
  z
    .object({
      content: transferFileTextSchema,
      passphrase: z.string().min(1).max(1024).optional(),
      onConflict: onConflictSchema.default('skip'),
    })
    .strict(),
);

/**
 * What becomes of a provider's key: `imported` (from the file, into the keychain), `kept` (a replaced
 * config keeps the key stored here), `needs_key` (no key: add one before it is used), `not_needed` (a local
 * server without a key), `encrypted` (the file has one; the passphrase was not given yet), `unchanged` (skipped).
 */
export const TRANSFER_KEY_STATES = ['imported', 'kept', 'needs_key', 'not_needed', 'encrypted', 'unchanged'] as const;

export const transferProviderPlanSchema = z.lazy(() =>
  z.object({
    name: z.string(),
    kind: providerKindSchema,
    model: z.string(),
    action: z.enum(['create', 'replace', 'skip']),
    key: z.enum(TRANSFER_KEY_STATES),
  }),
);
export type TransferProviderPlan = z.infer<typeof transferProviderPlanSchema>;

/** An import's plan (preview) or what it did (import): the same shape. */
export const transferPlanSchema = z.lazy(() =>
  z.object({
    exportedAt: z.string(),
    keysIncluded: z.boolean(),
    /** The passphrase opened the keys (always false for a file without keys). */
    keysUnlocked: z.boolean(),
    onConflict: onConflictSchema,
    providers: z.array(transferProviderPlanSchema),
    /** Models whose price differs here (a new price version each); the others are already the same. */
    prices: z.object({ changed: z.array(z.string()), unchanged: z.number().int() }),
    /** Settings that differ here and are taken from the file; `ignored`: ones this version does not know. */
    settings: z.object({ changed: z.array(z.string()), ignored: z.array(z.string()) }),
    /** Tasks whose routing strategy differs here and is taken from the file. */
    routing: z.array(z.object({ task: taskSchema, strategy: routingStrategySchema })),
    /** Tasks whose data policy differs here and is taken from the file (candidate policies are never in a file). */
    policies: z.array(z.object({ task: taskSchema, allow: dataPolicySchema })),
  }),
);
export type TransferPlan = z.infer<typeof transferPlanSchema>;
