import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import type { ProviderConfigDto } from '@contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DownloadIcon, PlusIcon, RefreshIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../lib/use-call';
import { useNow } from '../../lib/use-now';
import { BudgetAlerts } from './BudgetAlerts';
import { CredentialTestAlert } from './CredentialTestAlert';
import { DeleteProviderModal } from './DeleteProviderModal';
import { ProviderFormModal } from './form/ProviderFormModal';
import { KeyRotationAlert } from './KeyRotationAlert';
import { ProvidersTable } from './ProvidersTable';
import { RoutingCard } from './RoutingCard';
import { ExportProvidersModal } from './transfer/ExportProvidersModal';
import { ImportProvidersModal } from './transfer/ImportProvidersModal';
import { useCredentialTest } from './use-credential-test';

const routingKey = (configs: ProviderConfigDto[]): string =>
  configs.map((c) => [c.id, c.active, c.isDefault, c.priority, c.tasks.join(',')].join(':')).join('|');

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; config: ProviderConfigDto };

/** Admin: provider configs, their health and budgets; add, edit, test and delete. */
export function ProvidersPage() {
  const list = useCall('providers:list', {});
  const health = useCall('providers:health', {});
  const now = useNow(60_000);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [deleting, setDeleting] = useState<ProviderConfigDto | null>(null);
  const [transfer, setTransfer] = useState<'export' | 'import' | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const reload = () => {
    list.reload();
    health.reload();
    setRefreshes((n) => n + 1);
  };
  const tester = useCredentialTest(reload);
  const configs = list.data ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Providers"
        description="AI providers, the tasks routed to them, their keys and budgets. Keys live in the OS keychain."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<RefreshIcon size={16} />}
              onClick={reload}
              loading={list.loading || health.loading}
            >
              Refresh
            </Button>
            <Button variant="default" onClick={() => setTransfer('import')}>
              Import…
            </Button>
            <Button variant="default" leftSection={<DownloadIcon size={16} />} onClick={() => setTransfer('export')}>
              Export…
            </Button>
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing({ mode: 'new' })}>
              Add provider
            </Button>
          </>
        }
      />
      {list.error && <ErrorAlert title="Could not load providers" message={list.error} />}
      {health.error && <ErrorAlert title="Could not load provider health" message={health.error} />}
      {tester.result && <CredentialTestAlert result={tester.result} onClose={tester.clear} />}
      <BudgetAlerts configs={configs} health={health.data ?? []} />
      <KeyRotationAlert configs={configs} now={now} />
      {list.data === null && list.loading && <LoadingBlock label="Loading providers…" />}
      {list.data && configs.length === 0 && (
        <Alert color="blue" title="No providers yet">
          Drafting works offline with the built-in drafter. Add Gemini, OpenAI, Claude or a local OpenAI-compatible
          server (Ollama, LM Studio) with “Add provider”.
        </Alert>
      )}
      {configs.length > 0 && (
        <ProvidersTable
          configs={configs}
          health={health.data ?? []}
          now={now}
          actions={{
            onTest: (c) => void tester.test(c.name),
            onEdit: (c) => setEditing({ mode: 'edit', config: c }),
            onDelete: setDeleting,
            testing: tester.testing,
          }}
        />
      )}
      {/* Remounted (reloaded) on Refresh and when a change to the providers can change the order. */}
      {configs.length > 0 && <RoutingCard key={`${refreshes}|${routingKey(configs)}`} />}
      <ProviderFormModal
        opened={editing.mode !== 'closed'}
        saved={editing.mode === 'edit' ? editing.config : null}
        onClose={() => setEditing({ mode: 'closed' })}
        onSaved={reload}
      />
      <DeleteProviderModal config={deleting} onClose={() => setDeleting(null)} onDeleted={reload} />
      <ExportProvidersModal opened={transfer === 'export'} onClose={() => setTransfer(null)} />
      <ImportProvidersModal opened={transfer === 'import'} onClose={() => setTransfer(null)} onImported={reload} />
    </Stack>
  );
}
