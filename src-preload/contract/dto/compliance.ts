// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { taskSchema } from './common';

/** Which provider regions may receive a request: `local` only, the EU (and local), or any region. */
export const DATA_POLICIES = ['local', 'eu', 'any'] as const;
export const dataPolicySchema = z.enum(DATA_POLICIES);
export type DataPolicy = z.infer<typeof dataPolicySchema>;

export const policyTargetSchema = z.lazy(() =>
  z.union([z.object({ task: taskSchema }).strict(), z.object({ candidateId: z.string().min(1).max(100) }).strict()]),
);
export type PolicyTarget = z.infer<typeof policyTargetSchema>;

export const policyDtoSchema = z.lazy(() =>
  z.object({
    scope: z.enum(['task', 'candidate']),
    /** The task name or the candidate id. */
    target: z.string(),
    allow: dataPolicySchema,
    updatedAt: z.number().int(),
  }),
);
export type PolicyDto = z.infer<typeof policyDtoSchema>;
