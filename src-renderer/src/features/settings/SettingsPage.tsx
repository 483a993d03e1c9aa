import { SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import type { RestoreOutputDto, SettingsDto } from '@contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../lib/use-call';
import { BackupRestoreCard } from './BackupRestoreCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DurabilitySettings } from './DurabilitySettings';
import { LogFileCard } from './LogFileCard';
import { MetricsExporterSettings } from './MetricsExporterSettings';
import { ReenrolTotpPanel } from './ReenrolTotpPanel';
import { RetentionSettings } from './RetentionSettings';

/** Admin: app settings and the admin account's credentials. */
export function SettingsPage() {
  // A restore swaps the database under the page: every card loads again from the restored data.
  const [restored, setRestored] = useState<RestoreOutputDto | null>(null);
  const [generation, setGeneration] = useState(0);
  return (
    <SettingsCards
      key={generation}
      restored={restored}
      onRestored={(r) => {
        setRestored(r);
        setGeneration((g) => g + 1);
      }}
      onDismissRestored={() => setRestored(null)}
    />
  );
}

function SettingsCards(restore: {
  restored: RestoreOutputDto | null;
  onRestored: (r: RestoreOutputDto) => void;
  onDismissRestored: () => void;
}) {
  const loaded = useCall('settings:get', {});
  const [saved, setSaved] = useState<SettingsDto | null>(null);
  const settings = saved ?? loaded.data;
  return (
    <Stack gap="lg">
      <PageHeader title="Settings" description="Monitoring, storage and the admin account." />
      {loaded.error && <ErrorAlert title="Could not load settings" message={loaded.error} />}
      {!settings && loaded.loading && <LoadingBlock label="Loading settings…" />}
      {settings && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <MetricsExporterSettings settings={settings} onSaved={setSaved} />
          <DurabilitySettings settings={settings} onSaved={setSaved} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChangePasswordForm />
        <ReenrolTotpPanel />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <RetentionSettings />
        <LogFileCard />
        <BackupRestoreCard {...restore} />
      </SimpleGrid>
    </Stack>
  );
}
