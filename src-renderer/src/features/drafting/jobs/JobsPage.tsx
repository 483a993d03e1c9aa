import { Card, Grid, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import type { QueueSettledEvent } from '@contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../lib/use-call';
import type { DraftingPageId } from '../pages';
import { OutboxQueue } from '../shared/OutboxQueue';
import { ProviderModeBadge } from '../shared/ProviderModeBadge';
import { useProviderStatus } from '../shared/provider-status';
import { rememberSelection, useSelection } from '../shared/selection';
import { JobDetail } from './JobDetail';
import { JobImport } from './JobImport';
import { JobList } from './JobList';
import { ManageRecordButtons } from '../shared/ManageRecordButtons';

/** Job postings: paste or import, extract the fields (AI or offline rules), correct and save them. */
export function JobsPage({ onNavigate }: { onNavigate: (page: DraftingPageId) => void }) {
  const list = useCall('jobs:list', {});
  const status = useProviderStatus();
  const [selectedId, setSelectedId] = useSelection('job');
  const jobs = list.data ?? [];
  const { reload } = list;
  // Queued extraction landed: the posting's fields changed.
  const reloadOnLanding = useCallback((event: QueueSettledEvent) => event.jobPostingId !== null && reload(), [reload]);
  const selected = jobs.find((j) => j.id === selectedId) ?? jobs[0] ?? null;

  const draftFor = (id: string) => {
    rememberSelection('job', id);
    rememberSelection('document', null);
    onNavigate('documents');
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Job postings"
        description="Paste a posting or import a file, then extract its fields. Extraction works offline with built-in rules."
        actions={
          <ProviderModeBadge
            providers={status.providersFor('extraction')}
            offlineLabel="Offline — built-in rules"
            what="Extraction"
          />
        }
      />
      {list.error && <ErrorAlert title="Could not load job postings" message={list.error} />}
      <OutboxQueue onSettled={reloadOnLanding} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <JobImport
              onSelect={(id) => {
                setSelectedId(id);
                list.reload();
              }}
            />
            {list.data === null && list.loading ? (
              <LoadingBlock label="Loading postings…" />
            ) : (
              <JobList jobs={jobs} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected ? (
            <Stack gap="sm">
              <ManageRecordButtons
                owner="job"
                id={selected.id}
                label={selected.fields?.title ?? selected.title ?? selected.sourceFileName ?? 'Untitled posting'}
                onRenamed={() => list.reload()}
                onRemoved={() => {
                  setSelectedId(null);
                  list.reload();
                }}
              />
              <JobDetail
                key={selected.id}
                job={selected}
                onChanged={() => list.reload()}
                onDraft={() => draftFor(selected.id)}
              />
            </Stack>
          ) : (
            list.data && (
              <Card withBorder padding="xl">
                <Text fw={600}>No posting selected</Text>
                <Text c="dimmed" size="sm">
                  Paste a job posting on the left, or import a .txt, .html, .pdf or a screenshot. Then extract its
                  fields: title, company, skills, salary and more.
                </Text>
              </Card>
            )
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
