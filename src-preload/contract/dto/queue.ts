// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { taskSchema } from './common';

/**
 * A drafting task that could not run now and waits in the durable outbox: every provider was offline, or the
 * provider's (`budget`) or the acting user's (`quota`) limit behaviour is "queue until reset". It runs when a
 * provider answers again or that limit resets.
 */
export const queuedTaskSchema = z.lazy(() =>
  z.object({
    outboxId: z.string(),
    task: taskSchema,
    why: z.enum(['offline', 'budget', 'quota']),
    /** When the budget or quota resets: the earliest time it runs; null when it waits for a provider. */
    runsAt: z.number().int().nullable(),
    /** "Queued: runs when a provider answers again." or "… when the budget (the quota) resets at …" (@shared/queued-text). */
    message: z.string(),
  }),
);
export type QueuedTask = z.infer<typeof queuedTaskSchema>;

/** Pushed when a queued task has run (its result landed) or failed for good. */
export const queueSettledEventSchema = z.object({
  outboxId: z.string(),
  task: taskSchema,
  status: z.enum(['done', 'failed']),
  /** What the task was for, e.g. "CV: Ana Lima — Backend engineer". */
  label: z.string().nullable(),
  message: z.string(),
  /** Where the result landed (the document with the new version, or the posting with its new fields). */
  documentId: z.string().nullable(),
  jobPostingId: z.string().nullable(),
});
export type QueueSettledEvent = z.infer<typeof queueSettledEventSchema>;
