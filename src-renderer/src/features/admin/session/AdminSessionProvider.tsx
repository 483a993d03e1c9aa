import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AdminStatus, AdminUnlockResult } from '@contract';
import { call, errorMessage, onCallSettled } from '../../../lib/ipc';
import { notifyInfo, notifyWarning } from '../../../lib/notify';
import { AdminSessionContext, type AdminSession, type PendingSetup } from './admin-session-context';
import { UnlockDialog } from './UnlockDialog';

const REFRESH_DEBOUNCE_MS = 400;
/** Ask again a little after the local countdown ends, so the question never lands inside the session. */
const EXPIRY_GRACE_MS = 1500;

/** After an unlock with a recovery code: how many are left (and what to do when they run out). */
function announceRecoveryCodesLeft(result: AdminUnlockResult): void {
  if (!result.usedRecoveryCode || result.recoveryCodesLeft === null) return;
  const left = result.recoveryCodesLeft;
  const count = `${left} recovery code${left === 1 ? '' : 's'} left.`;
  if (left <= 2)
    notifyWarning('Recovery code used', `${count} Re-enrol the authenticator in Settings to get new codes.`);
  else notifyInfo('Recovery code used', count);
}

/**
 * Owns the admin session as the renderer sees it: `admin:status`, re-read after every other call (each call
 * slides the idle timer) and once when the countdown ends; never polled, since asking keeps a session alive.
 */
export function AdminSessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AdminStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [pendingSetup, setPendingSetup] = useState<PendingSetup | null>(null);
  const wasUnlocked = useRef(false);
  const lockingOnPurpose = useRef(false);

  const apply = useCallback((next: AdminStatus) => {
    if (wasUnlocked.current && !next.unlocked && !lockingOnPurpose.current)
      notifyInfo('Admin session ended', 'The admin area locked itself (15 minutes without activity, or 8 hours).');
    wasUnlocked.current = next.unlocked;
    lockingOnPurpose.current = false;
    setStatus(next);
    setStatusError(null);
  }, []);

  const refresh = useCallback(
    () =>
      call('admin:status', {}).then(apply, (err: unknown) => {
        setStatusError(errorMessage(err));
      }),
    [apply],
  );

  useEffect(() => {
    void call('admin:status', {}).then(apply, (err: unknown) => setStatusError(errorMessage(err)));
    let timer: number | undefined;
    const stop = onCallSettled((channel) => {
      if (channel === 'admin:status') return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refresh(), REFRESH_DEBOUNCE_MS);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [apply, refresh]);

  const expiresAt = status?.unlocked ? status.expiresAt : null;
  useEffect(() => {
    if (expiresAt === null) return undefined;
    const timer = window.setTimeout(() => void refresh(), Math.max(0, expiresAt - Date.now()) + EXPIRY_GRACE_MS);
    return () => window.clearTimeout(timer);
  }, [expiresAt, refresh]);

  const value = useMemo<AdminSession>(
    () => ({
      status,
      statusError,
      refresh,
      unlock: async (password, code) => {
        const result = await call('admin:unlock', { password, code });
        apply(result);
        setDialogOpen(false);
        announceRecoveryCodesLeft(result);
      },
      lock: async () => {
        lockingOnPurpose.current = true;
        try {
          apply(await call('admin:lock', {}));
        } finally {
          lockingOnPurpose.current = false;
        }
      },
      requestUnlock: () => setDialogOpen(true),
      pendingSetup,
      beginSetup: async (password, options) => {
        const enrolment = await call('admin:setup', { password, ...(options?.restart ? { restart: true } : {}) });
        setPendingSetup({ password, enrolment });
      },
      resumeSetup: async (password) => {
        const enrolment = await call('admin:setup-resume', { password });
        setPendingSetup({ password, enrolment });
      },
      finishSetup: async (code) => {
        if (!pendingSetup) throw new Error('The setup was not started.');
        apply(await call('admin:unlock', { password: pendingSetup.password, code }));
        setPendingSetup(null);
      },
    }),
    [status, statusError, refresh, apply, pendingSetup],
  );

  return (
    <AdminSessionContext.Provider value={value}>
      {children}
      <UnlockDialog opened={dialogOpen} onClose={() => setDialogOpen(false)} />
    </AdminSessionContext.Provider>
  );
}
