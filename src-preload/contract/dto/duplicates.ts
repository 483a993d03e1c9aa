// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { idSchema } from './common';

/**
 * What an import does when the file or the person is already stored: `ask` answers with the match instead of
 * importing, `new` imports anyway, `replace` puts the new record and source in place of `replaceId`'s, keeping
 * its id and documents.
 */
export const ON_DUPLICATE = ['ask', 'new', 'replace'] as const;
export const onDuplicateSchema = z.enum(ON_DUPLICATE);
export type OnDuplicate = z.infer<typeof onDuplicateSchema>;

/** Spread into each shape of an import's input; absent = `ask`. */
export const duplicateOptionsShape = {
  onDuplicate: onDuplicateSchema.optional(),
  replaceId: idSchema.optional(),
};

/** `same_file`: the text read from the file is identical; `same_person`: the same name and email (normalised). */
export const DUPLICATE_REASONS = ['same_file', 'same_person'] as const;
export const duplicateReasonSchema = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

/** A stored candidate an import matched, and why. */
export const duplicateMatchSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    sourceFileName: z.string().nullable(),
    /** When it was first imported (epoch ms). */
    createdAt: z.number().int(),
    reasons: z.array(duplicateReasonSchema).min(1),
  }),
);
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

/** The import's answer when it was asked to ask: nothing was stored. */
export const duplicateResultSchema = z.lazy(() => z.object({ duplicate: duplicateMatchSchema }));
export type DuplicateResult = z.infer<typeof duplicateResultSchema>;

/** A job posting import: `ask` answers with a stored posting of the same text (or image); absent = `new`. */
export const jobDuplicateOptionsShape = { onDuplicate: z.enum(['ask', 'new']).optional() };

/** A stored posting with the same text (or the same image) as the one being imported. */
export const jobDuplicateMatchSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string().nullable(),
    company: z.string().nullable(),
    sourceFileName: z.string().nullable(),
    createdAt: z.number().int(),
  }),
);
export type JobDuplicateMatch = z.infer<typeof jobDuplicateMatchSchema>;
