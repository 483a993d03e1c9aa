import { z } from 'zod';
import { findingSeveritySchema } from '@contract';

/** What a provider returns for the validation task: review findings only; the score stays local. */
export const providerJudgementSchema = z.object({
  findings: z
    .array(
      z.object({
        severity: findingSeveritySchema,
        message: z.string().trim().min(1).max(1000),
        evidence: z.string().max(1000).nullable(),
      }),
    )
    .max(30),
});
export type ProviderJudgement = z.infer<typeof providerJudgementSchema>;
