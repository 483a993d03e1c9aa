// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';
import { roleSchema } from './common';

export const appInfoSchema = z.lazy(() =>
  z.object({
    name: z.literal('Aditus'),
    version: z.string(),
    host: z.enum(['electron', 'web', 'cli']),
    dataDir: z.string(),
    /** The rotating log file in the data folder (internal errors, start-up problems). */
    logFile: z.string(),
    schemaVersion: z.number().int(),
    secretsBackend: z.string(),
    role: roleSchema,
    platform: z.string(),
  }),
);
export type AppInfo = z.infer<typeof appInfoSchema>;
