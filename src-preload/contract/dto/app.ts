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
