import { z } from 'zod';

/** Error codes every host returns in the Result envelope. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'unauthenticated',
  'not_found',
  'conflict',
  'keychain_unavailable',
  'provider_error',
  'budget_exceeded',
  'storage_full',
  'storage_error',
  'unavailable',
  'internal',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Optional machine-readable detail (e.g. a provider error class, zod issue paths). Never a secret. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorDto = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorDto };
