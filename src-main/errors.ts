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
 * Why the data folder could not be opened for writing (a read-only folder, file or file system), as an
 * error naming the folder; null when `err` is something else.
 */
export function dataFolderErrorFrom(err: unknown, dataDir: string): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const readOnly = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY');
  if (readOnly)
    return new AppError(
      'storage_error',
      `The data folder ${dataDir} is read-only or not writable by this user: check its permissions (or pass --data-dir). Nothing was saved.`,
      { folder: dataDir, cause: code },
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new AppError('storage_error', `The database in the data folder ${dataDir} could not be opened.`, {
      folder: dataDir,
      cause: code,
    });
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
