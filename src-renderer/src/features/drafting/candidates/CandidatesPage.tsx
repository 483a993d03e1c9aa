import { Card, Grid, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../lib/use-call';
import { DraftingModeBadge } from '../shared/DraftingModeBadge';
import type { DraftingPageId } from '../pages';
import { useProviderStatus } from '../shared/provider-status';
import { rememberSelection, useSelection } from '../shared/selection';
import { CandidateImport } from './CandidateImport';
import { CandidateList } from './CandidateList';
import { CandidatePolicySelect } from './CandidatePolicySelect';
import { CandidateRecordView } from './CandidateRecordView';
import { ManageRecordButtons } from '../shared/ManageRecordButtons';

/** Candidates: import from a file, pick one, read and correct the parsed record, go on to draft. */
export function CandidatesPage({ onNavigate }: { onNavigate: (page: DraftingPageId) => void }) {
  const list = useCall('candidates:list', {});
  const status = useProviderStatus();
  const [selectedId, setSelectedId] = useSelection('candidate');
  const candidates = list.data ?? [];
  const selected = candidates.find((c) => c.id === selectedId) ?? candidates[0] ?? null;

  const draftFor = (id: string) => {
    rememberSelection('candidate', id);
    rememberSelection('document', null);
    onNavigate('documents');
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Candidates"
        description="Import a candidate’s JSON Resume or CV, and correct what was read. Drafts use only what the record says, and validation checks against it."
        actions={
          <DraftingModeBadge cv={status.providersFor('cv_draft')} coverLetter={status.providersFor('cover_letter')} />
        }
      />
      {list.error && <ErrorAlert title="Could not load candidates" message={list.error} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <CandidateImport
              onSelect={(id) => {
                setSelectedId(id);
                list.reload();
              }}
            />
            {list.data === null && list.loading ? (
              <LoadingBlock label="Loading candidates…" />
            ) : (
              <CandidateList candidates={candidates} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected ? (
            <Stack gap="sm">
              <ManageRecordButtons
                owner="candidate"
                id={selected.id}
                label={selected.name}
                onRenamed={() => list.reload()}
                onRemoved={() => {
                  setSelectedId(null);
                  list.reload();
                }}
              />
              <CandidatePolicySelect key={`policy-${selected.id}`} candidateId={selected.id} />
              <CandidateRecordView
                key={selected.id}
                candidate={selected}
                onDraft={() => draftFor(selected.id)}
                onSaved={() => list.reload()}
              />
            </Stack>
          ) : (
            list.data && (
              <Card withBorder padding="xl">
                <Text fw={600}>No candidate selected</Text>
                <Text c="dimmed" size="sm">
                  Import a JSON Resume or a CV on the left. Its parsed record (entries, bullets and the line each came
                  from) shows here, ready to correct.
                </Text>
              </Card>
            )
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
