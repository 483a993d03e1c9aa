import type { ErrorCode, ProviderErrorClass } from '@contract';

/** A failure with a code from the IPC contract and a message a person can act on. Never holds a secret. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** SQLite's "disk full" and friends, turned into a typed error; anything else is rethrown untouched. */
export function storageErrorFrom(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL')
    return new AppError('storage_full', 'The disk is full: free some space, then try again. Nothing was saved.');
  if (code === 'SQLITE_IOERR' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR')))
    return new AppError('storage_error', 'The database could not be written (I/O error). Nothing was saved.');
  if (code === 'SQLITE_READONLY')
    return new AppError('storage_error', 'The database is read-only: check the data folder permissions.');
  if (code === 'SQLITE_BUSY') return new AppError('unavailable', 'The database is busy; try again in a moment.');
  return null;
}

/**
 * A provider's failure as the app reports it once it has left the provider layer (a refused or cancelled
 * request): code `provider_error`, with the error class and the HTTP status (or null) in its details.
 */
export class ProviderFailure extends AppError {
  constructor(
    readonly errorClass: ProviderErrorClass,
    message: string,
    status: number | null,
  ) {
    super('provider_error', message, { errorClass, status });
  }
}
