import { AppError } from '../errors';

/** Where API keys, the TOTP secret and admin session tokens live. Implementations never log values. */
export interface SecretStore {
  /** Human-readable backend name for status output, e.g. "OS keychain". */
  readonly backend: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export const SECRET_SERVICE = 'aditus';

export function keychainUnavailable(cause: unknown): AppError {
  const reason = cause instanceof Error ? cause.message.split('\n')[0] : 'unknown reason';
  return new AppError(
    'keychain_unavailable',
    'The OS keychain is not available or is locked, so the key was not saved. ' +
      'Unlock your keychain (or start a Secret Service such as GNOME Keyring or KWallet on Linux) and try again.',
    { reason: reason?.slice(0, 200) },
  );
}
