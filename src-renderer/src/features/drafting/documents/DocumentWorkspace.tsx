import { Alert, Card, Grid, Stack } from '@mantine/core';
import { useState } from 'react';
import type { AnswerMeta, DocumentDto } from '@contract';
import { AnswerSummary } from '../shared/AnswerSummary';
import { ValidationPanel, type ValidationResult } from '../validation/ValidationPanel';
import { DocumentActions } from './DocumentActions';
import { DocumentHeader } from './DocumentHeader';
import { DraftEditor } from './DraftEditor';
import { KIND_TITLE, type LiveDraft } from './live-draft';
import { SaveStatus } from './SaveStatus';
import { StoppedDraftNotice } from './StoppedDraftNotice';
import { StreamingStatus } from './StreamingStatus';
import { useAutosave } from './use-autosave';
import { useVersionActions } from './use-version-actions';
import { VersionHistory } from './VersionHistory';

/**
 * An open document: the editor (autosaved as you type), versions, validation and export. Mounted per document
 * version, so a new version (saved, restored or generated) starts from its text.
 */
export function DocumentWorkspace({
  doc,
  live,
  meta,
  validation,
  generating,
  stopping,
  onStop,
  onDocChanged,
  onRegenerate,
  onValidated,
}: {
  doc: DocumentDto;
  /** The draft streaming into this document (a regeneration), if any. */
  live: LiveDraft | null;
  meta: AnswerMeta | undefined;
  validation: ValidationResult | undefined;
  /** Any generation is running (this document's or a new one). */
  generating: boolean;
  stopping: boolean;
  onStop: () => void;
  onDocChanged: (doc: DocumentDto) => void;
  onRegenerate: (doc: DocumentDto) => void;
  onValidated: (result: ValidationResult) => void;
}) {
  const [text, setText] = useState(doc.draftText);
  const autosave = useAutosave(doc.id, doc.autosavedAt);
  const actions = useVersionActions({ doc, text, flush: autosave.flush, onDocChanged, onRegenerate });
  const streaming = live !== null;
  const locked = streaming || generating || actions.busy !== null;
  const empty = text.trim() === '';

  const edit = (next: string) => {
    setText(next);
    autosave.schedule(next);
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Card withBorder padding="lg" component="section" aria-label="Draft editor" aria-busy={streaming}>
          <Stack gap="sm">
            <DocumentHeader
              doc={doc}
              status={<SaveStatus state={autosave} onRetry={() => void autosave.flush().catch(() => undefined)} />}
            />
            {live && <StreamingStatus live={live} stopping={stopping} onStop={onStop} />}
            {!live && <StoppedDraftNotice doc={doc} />}
            {!live && meta && <AnswerSummary meta={meta} action={`${KIND_TITLE[doc.kind]} written`} />}
            {actions.error && (
              <Alert color="red" title="That did not work" withCloseButton onClose={actions.clearError} role="alert">
                {actions.error}
              </Alert>
            )}
            <DraftEditor
              label={`${KIND_TITLE[doc.kind]} text`}
              value={live ? live.text : text}
              onChange={edit}
              streaming={streaming}
            />
            <DocumentActions
              documentId={doc.id}
              canRegenerate={doc.jobPostingId !== null}
              empty={empty}
              locked={locked}
              saving={actions.busy?.what === 'save'}
              regenerating={actions.busy?.what === 'regenerate' || streaming}
              prepareExport={autosave.flush}
              onSaveVersion={() => void actions.saveVersion()}
              onRegenerate={() => void actions.regenerate()}
            />
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <ValidationPanel
            documentId={doc.id}
            text={text}
            result={validation}
            prepare={autosave.flush}
            disabled={locked || empty}
            onResult={onValidated}
          />
          <VersionHistory
            versions={doc.versions}
            busyVersion={actions.busy?.what === 'restore' ? actions.busy.version : null}
            disabled={locked}
            onRestore={(v) => void actions.restore(v)}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
