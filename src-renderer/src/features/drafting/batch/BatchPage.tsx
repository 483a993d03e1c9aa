import { Button, Card, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { BATCH_DEFAULT_CONCURRENCY, type BatchEstimate, type BatchItemResult } from '@contract';
import { batchItem } from '@shared/batch-item';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { call, errorMessage } from '../../../lib/ipc';
import { useCall } from '../../../lib/use-call';
import type { DraftingPageId } from '../pages';
import { rememberSelection } from '../shared/selection';
import { BatchEstimateView } from './BatchEstimateView';
import { BatchProgress } from './BatchProgress';
import { BatchSetup, type BatchChoice } from './BatchSetup';
import { useBatchRun } from './use-batch-run';

const pendingItems = (estimate: BatchEstimate): BatchItemResult[] => estimate.items.map((i) => batchItem(i, 'pending'));

/** Batch drafting: choose the pairs, see the estimate and confirm, follow the run, cancel it. */
export function BatchPage({ onNavigate }: { onNavigate: (page: DraftingPageId) => void }) {
  const candidates = useCall('candidates:list', {});
  const jobs = useCall('jobs:list', {});
  const [choice, setChoice] = useState<BatchChoice>({
    mode: 'candidates',
    kind: 'cv',
    candidateIds: [],
    jobPostingIds: [],
    concurrency: BATCH_DEFAULT_CONCURRENCY,
  });
  const [estimate, setEstimate] = useState<BatchEstimate | null>(null);
  const [estimating, setEstimating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useBatchRun();
  const pairs = { kind: choice.kind, candidateIds: choice.candidateIds, jobPostingIds: choice.jobPostingIds };
  const ready = pairs.candidateIds.length > 0 && pairs.jobPostingIds.length > 0;
  const started = run.running || run.output !== null || run.items.length > 0;

  const askEstimate = async () => {
    setError(null);
    setEstimating(true);
    try {
      setEstimate(await call('drafts:batch-estimate', pairs));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setEstimating(false);
    }
  };
  const open = (item: BatchItemResult) => {
    rememberSelection('candidate', item.candidateId);
    rememberSelection('job', item.jobPostingId);
    rememberSelection('document', item.documentId);
    onNavigate('documents');
  };
  const startOver = () => {
    setEstimate(null);
    run.reset();
  };

  if (!candidates.data || !jobs.data) return <LoadingBlock label="Loading candidates and postings" />;
  return (
    <Stack gap="md">
      <PageHeader
        title="Batch drafting"
        description="Draft a CV or cover letter for many candidates and one posting, or one candidate and many postings."
      />
      {error && <ErrorAlert title="The batch could not be estimated" message={error} onClose={() => setError(null)} />}
      <Card withBorder padding="md" component="section" aria-label="Batch setup">
        <Stack gap="sm">
          <BatchSetup
            candidates={candidates.data}
            jobs={jobs.data}
            choice={choice}
            disabled={estimate !== null}
            onChange={setChoice}
          />
          {estimate === null && (
            <Group>
              <Button onClick={() => void askEstimate()} disabled={!ready} loading={estimating}>
                Estimate
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      {estimate && !started && (
        <Card withBorder padding="md" component="section" aria-label="Confirm batch">
          <Stack gap="sm">
            <BatchEstimateView estimate={estimate} />
            <Group>
              <Button onClick={() => void run.start(pairs, choice.concurrency, pendingItems(estimate))}>
                Start {estimate.items.length} drafts
              </Button>
              <Button variant="default" onClick={startOver}>
                Back
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {started && (
        <Card withBorder padding="md" component="section" aria-label="Batch run">
          <Stack gap="sm">
            {run.error && <ErrorAlert title="The batch stopped" message={run.error} />}
            <BatchProgress items={run.items} onOpen={open} />
            <Group>
              {run.running ? (
                <Button color="red" variant="light" onClick={() => void run.cancel()} loading={run.cancelling}>
                  Cancel batch
                </Button>
              ) : (
                <Button variant="default" onClick={startOver}>
                  New batch
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
