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
  /** Password + TOTP or recovery code; throws an IpcError with the server's message. */
  unlock(password: string, code: string): Promise<void>;
  lock(): Promise<void>;
  /** Opens the unlock dialog. */
  requestUnlock(): void;
  pendingSetup: PendingSetup | null;
  /** Creates the admin account (`admin:setup`) and keeps the enrolment for the guided setup. */
  beginSetup(password: string): Promise<void>;
  /** First unlock with the new authenticator; ends the guided setup. */
  finishSetup(code: string): Promise<void>;
}

export const AdminSessionContext = createContext<AdminSession | null>(null);

export function useAdminSession(): AdminSession {
  const value = useContext(AdminSessionContext);
  if (!value) throw new Error('useAdminSession needs an <AdminSessionProvider>');
  return value;
}
