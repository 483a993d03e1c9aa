import { z } from 'zod';

const bulletSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  /** The ids of the record entries this bullet states facts from: the entry it sits under. */
  sourceIds: z.array(z.string().trim().min(1).max(40)).max(10),
});

/**
 * The AI CV answer: the tailored content only, each entry and bullet citing the record entry it comes from.
 * Names, titles, employers and dates are not in it: our renderer takes them from the record.
 */
export const cvAnswerSchema = z.object({
  summary: z.string().trim().max(2000),
  skills: z.array(z.string().trim().min(1).max(100)).max(60),
  entries: z.array(z.object({ id: z.string().trim().min(1).max(40), bullets: z.array(bulletSchema).max(20) })).max(200),
});
export type CvAnswer = z.infer<typeof cvAnswerSchema>;
