import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AnswerMeta, JobFieldName, JobPostingDto } from '@contract';
import { call } from '../../../lib/ipc';
import { AnswerSummary } from '../shared/AnswerSummary';
import { failureOf, type Failure } from '../shared/failure';
import { FailureAlert } from '../shared/FailureAlert';
import { SessionMemory, useSessionMemory } from '../shared/session-memory';
import { JobFieldsEditor } from './JobFieldsEditor';
import { PostingSource } from './PostingSource';
import { announceQueued } from '../shared/queue-events';

/** Who extracted each posting in this session (the answer's meta is not stored in main). */
const extractionMetas = new SessionMemory<AnswerMeta>();

/** One posting: its source, extraction (AI or offline rules) and the editable fields. */
export function JobDetail({
  job,
  onChanged,
  onDraft,
}: {
  job: JobPostingDto;
  onChanged: (job: JobPostingDto) => void;
  onDraft: () => void;
}) {
  const [running, setRunning] = useState(false);
  const metas = useSessionMemory(extractionMetas);
  const meta = metas.get(job.id);
  const [failure, setFailure] = useState<Failure | null>(null);

  const extract = async (keepEdited?: JobFieldName[]) => {
    setRunning(true);
    setFailure(null);
    metas.set(job.id, undefined);
    try {
      const result = await call('jobs:extract', { id: job.id, ...(keepEdited ? { keepEdited } : {}) });
      if ('queued' in result) announceQueued(result.queued);
      else {
        metas.set(job.id, result.meta);
        onChanged(result.job);
      }
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby="posting-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Title order={3} id="posting-title">
              {job.fields?.title ?? job.title ?? 'Untitled posting'}
            </Title>
            <Text c="dimmed">{job.fields?.company ?? job.company ?? 'Company not extracted yet'}</Text>
          </Stack>
          <Button variant="light" onClick={onDraft}>
            Draft for this posting
          </Button>
        </Group>
        <PostingSource job={job} />
        <JobFieldsEditor
          key={`${job.id}:${job.updatedAt}`}
          job={job}
          running={running}
          onExtract={(keep) => void extract(keep)}
          onSaved={onChanged}
        >
          {failure && <FailureAlert title="Extraction failed" failure={failure} onClose={() => setFailure(null)} />}
          {meta && (
            <AnswerSummary
              meta={meta}
              action="Extracted"
              builtinName="built-in rules"
              offlineNote="No AI provider answered, so the built-in rules read the posting. Check the fields below and correct them if needed."
            />
          )}
        </JobFieldsEditor>
      </Stack>
    </Card>
  );
}
