import { createContext, useContext } from 'react';
import type { AdminStatus, Enrolment } from '@contract';

/** A first-run enrolment waiting for its first unlock (the password stays in memory until then). */
export interface PendingSetup {
  password: string;
  enrolment: Enrolment;
}

export interface AdminSession {
  /** null until the first `admin:status` answer. */
  status: AdminStatus | null;
  statusError: string | null;
  refresh(): Promise<void>;
  /**
   * Password + TOTP or recovery code; throws an IpcError with the server's message. After a recovery code it
   * says how many are left.
   */
  unlock(password: string, code: string): Promise<void>;
  lock(): Promise<void>;
  /** Opens the unlock dialog. */
  requestUnlock(): void;
  pendingSetup: PendingSetup | null;
  /**
   * Starts the setup (`admin:setup`: a pending enrolment, no account yet) and keeps the enrolment for the
   * guided setup; `restart` replaces an unfinished one.
   */
  beginSetup(password: string, options?: { restart?: boolean }): Promise<void>;
  /** The unfinished setup again (`admin:setup-resume`), with the password it was started with. */
  resumeSetup(password: string): Promise<void>;
  /** The first code from the new authenticator creates the account and unlocks it; ends the guided setup. */
  finishSetup(code: string): Promise<void>;
}

export const AdminSessionContext = createContext<AdminSession | null>(null);

export function useAdminSession(): AdminSession {
  const value = useContext(AdminSessionContext);
  if (!value) throw new Error('useAdminSession needs an <AdminSessionProvider>');
  return value;
}
