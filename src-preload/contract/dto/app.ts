import { z } from 'zod';
import { roleSchema } from './common';

export const appInfoSchema = z.object({
  name: z.literal('Aditus'),
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli']),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  secretsBackend: z.string(),
  role: roleSchema,
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
