import { Card, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import type { DocumentDto, DraftKind, QueueSettledEvent } from '@contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../lib/use-call';
import { FailureAlert } from '../shared/FailureAlert';
import { OutboxQueue } from '../shared/OutboxQueue';
import { announceQueued } from '../shared/queue-events';
import { call } from '../../../lib/ipc';
import { storedValidationResult } from '../validation/stored-validation';
import { useProviderStatus } from '../shared/provider-status';
import { useSelection } from '../shared/selection';
import { useSessionMemory } from '../shared/session-memory';
import { DocumentWorkspace } from './DocumentWorkspace';
import { ManageRecordButtons } from '../shared/ManageRecordButtons';
import { DraftingModeBadge } from '../shared/DraftingModeBadge';
import { DraftSetup } from './DraftSetup';
import { LiveDraftView } from './LiveDraftView';
import { generationMetas, validationResults } from './memories';
import { OfflineDraftingNotice } from './OfflineDraftingNotice';
import { useDocument } from './use-document';
import { useDraftGeneration, type GenerateResult } from './use-draft-generation';

function offlineTasks(cv: number | undefined, coverLetter: number | undefined): string | null {
  if (cv === 0 && coverLetter === 0) return 'CVs or cover letters';
  if (cv === 0) return 'CVs';
  if (coverLetter === 0) return 'cover letters';
  return null;
}

/** Documents: generate (streamed), edit with autosave, versions, validation and export. */
export function DocumentsPage() {
  const candidates = useCall('candidates:list', {});
  const jobs = useCall('jobs:list', {});
  const [candidateId, setCandidateId] = useSelection('candidate');
  const [jobId, setJobId] = useSelection('job');
  const [documentId, setDocumentId] = useSelection('document');
  const status = useProviderStatus();
  const generation = useDraftGeneration();
  const opened = useDocument(documentId);
  const metas = useSessionMemory(generationMetas);
  const validations = useSessionMemory(validationResults);

  const candidate = candidates.data?.find((c) => c.id === candidateId) ?? candidates.data?.[0] ?? null;
  const job = jobs.data?.find((j) => j.id === jobId) ?? jobs.data?.[0] ?? null;
  const documents = useCall('documents:list', candidate ? { candidateId: candidate.id } : {});
  const live = generation.live;
  const doc = opened.doc;
  const { reload: reloadDoc } = opened;
  const { reload: reloadDocuments } = documents;

  const finished = (result: GenerateResult) => {
    opened.setDoc(result.document);
    if ('queued' in result) announceQueued(result.queued);
    else metas.set(result.document.id, result.meta ?? undefined);
    setDocumentId(result.document.id);
    documents.reload();
  };
  // A queued draft landed: show its new version if it is the open document; a queued validation: its report.
  const landed = useCallback(
    (event: QueueSettledEvent) => {
      if (event.documentId === null) return;
      if (event.task === 'validation') {
        const id = event.documentId;
        void call('documents:validation', { documentId: id }).then((stored) => {
          if (stored) validations.set(id, storedValidationResult(stored, validations.get(id)?.text ?? ''));
        });
        return;
      }
      if (event.documentId === documentId) reloadDoc();
      reloadDocuments();
    },
    [documentId, reloadDoc, reloadDocuments, validations],
  );
  const generateNew = (kind: DraftKind) => {
    if (!candidate || !job) return;
    void generation.generate({ kind, candidateId: candidate.id, jobPostingId: job.id }, finished);
  };
  const regenerate = (d: DocumentDto) => {
    if (d.jobPostingId === null) return;
    opened.setDoc(d);
    void generation.generate(
      { kind: d.kind, candidateId: d.candidateId, jobPostingId: d.jobPostingId, documentId: d.id },
      finished,
    );
  };
  const offline = offlineTasks(status.providersFor('cv_draft')?.length, status.providersFor('cover_letter')?.length);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Documents"
        description="Generate a tailored CV or cover letter, edit it, validate it against the candidate’s source, export it."
        actions={
          <DraftingModeBadge cv={status.providersFor('cv_draft')} coverLetter={status.providersFor('cover_letter')} />
        }
      />
      {offline && <OfflineDraftingNotice tasks={offline} />}
      <OutboxQueue onSettled={landed} />
      {candidates.error && <ErrorAlert title="Could not load candidates" message={candidates.error} />}
      {jobs.error && <ErrorAlert title="Could not load job postings" message={jobs.error} />}
      <DraftSetup
        candidates={candidates.data ?? []}
        jobs={jobs.data ?? []}
        documents={documents.data ?? []}
        candidateId={candidate?.id ?? null}
        jobId={job?.id ?? null}
        documentId={documentId}
        generating={live ? live.kind : null}
        onCandidate={(id) => {
          setCandidateId(id);
          // Also while the picked document is still loading: only one known to be this candidate's stays open.
          if (documentId !== null && doc?.candidateId !== id) setDocumentId(null);
        }}
        onJob={setJobId}
        onDocument={(id) => {
          const picked = documents.data?.find((d) => d.id === id);
          if (picked?.jobPostingId) setJobId(picked.jobPostingId);
          setDocumentId(id);
        }}
        onGenerate={generateNew}
        onImported={(imported) => {
          opened.setDoc(imported);
          setDocumentId(imported.id);
          documents.reload();
        }}
      />
      {generation.failure && (
        <FailureAlert
          title="The draft was not generated"
          failure={generation.failure}
          onClose={generation.clearFailure}
        />
      )}
      {doc && !live && (
        <ManageRecordButtons
          owner="document"
          id={doc.id}
          label={doc.title}
          onRenamed={() => {
            reloadDoc();
            reloadDocuments();
          }}
          onRemoved={() => {
            setDocumentId(null);
            reloadDocuments();
          }}
        />
      )}
      {live && live.documentId === null ? (
        <LiveDraftView
          live={live}
          candidateName={candidate?.name ?? null}
          stopping={generation.stopping}
          onStop={() => void generation.stop()}
        />
      ) : doc ? (
        <DocumentWorkspace
          key={`${doc.id}:${doc.versions[0]?.version ?? 0}`}
          doc={doc}
          live={live && live.documentId === doc.id ? live : null}
          meta={metas.get(doc.id)}
          validation={validations.get(doc.id)}
          generating={live !== null}
          stopping={generation.stopping}
          onStop={() => void generation.stop()}
          onDocChanged={opened.setDoc}
          onRegenerate={regenerate}
          onValidated={(result) => validations.set(doc.id, result)}
        />
      ) : opened.loading ? (
        <LoadingBlock label="Opening the document…" />
      ) : opened.error ? (
        <ErrorAlert title="Could not open the document" message={opened.error} onClose={() => setDocumentId(null)} />
      ) : (
        <Card withBorder padding="xl">
          <Text fw={600}>No document open</Text>
          <Text c="dimmed" size="sm">
            Pick a candidate and a job posting above, then generate a CV or a cover letter. It streams into the editor
            here, saves as you type, and keeps every version.
          </Text>
        </Card>
      )}
    </Stack>
  );
}
