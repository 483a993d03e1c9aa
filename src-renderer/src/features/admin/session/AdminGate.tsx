import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { FirstRunSetup } from '../setup/FirstRunSetup';
import { useAdminSession } from './admin-session-context';
import { LockedNotice } from './LockedNotice';

/** Renders an admin page only in an unlocked admin session; otherwise the first-run setup or the lock notice. */
export function AdminGate({ page, children }: { page: string; children: ReactNode }) {
  const { status, statusError, pendingSetup } = useAdminSession();
  if (!status)
    return statusError ? (
      <ErrorAlert title="Could not read the admin status" message={statusError} />
    ) : (
      <LoadingBlock label="Checking the admin session…" />
    );
  if (!status.configured || pendingSetup) return <FirstRunSetup />;
  if (!status.unlocked) return <LockedNotice page={page} />;
  return <>{children}</>;
}
