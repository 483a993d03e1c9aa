import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import type { AuditRowDto } from '@contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../lib/use-call';
import { AuditDetailsDrawer } from './AuditDetailsDrawer';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerificationAlert, VerifyChainButton, type Verification } from './VerifyChain';

/** Admin: the hash-chained audit log, filterable, with row details and chain verification. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({ action: '', actor: '', limit: 200 });
  const [open, setOpen] = useState<AuditRowDto | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const rows = useCall('audit:list', {
    limit: filter.limit,
    ...(filter.action.trim() ? { action: filter.action.trim() } : {}),
    ...(filter.actor.trim() ? { actor: filter.actor.trim() } : {}),
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Audit"
        description="Every sensitive action, newest first. Each row is chained to the one before it by a SHA-256 hash."
        actions={<VerifyChainButton onResult={setVerification} />}
      />
      {verification && <VerificationAlert result={verification} onClose={() => setVerification(null)} />}
      <AuditFilters value={filter} onApply={setFilter} />
      {rows.error && <ErrorAlert title="Could not load the audit log" message={rows.error} />}
      {rows.data === null && rows.loading && <LoadingBlock label="Loading the audit log…" />}
      {rows.data && rows.data.length === 0 && (
        <Alert color="blue" title="No matching rows">
          Nothing in the audit log matches these filters.
        </Alert>
      )}
      {rows.data && rows.data.length > 0 && <AuditTable rows={rows.data} onOpen={setOpen} />}
      <AuditDetailsDrawer row={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
