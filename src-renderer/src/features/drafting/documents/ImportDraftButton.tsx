import { Alert, Button, FileButton, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DocumentDto, DraftKind } from '@contract';
import { call, errorMessage } from '../../../lib/ipc';
import { readUpload } from '../shared/file-upload';

const DRAFT_EXTENSIONS = ['.md', '.txt', '.docx', '.pdf'] as const;
const stem = (fileName: string) => fileName.replace(/\.[^.]+$/u, '') || fileName;

/** Store a CV or cover letter written elsewhere as a document of the picked candidate (and posting, if one). */
export function ImportDraftButton({
  candidateId,
  candidateName,
  jobPostingId,
  jobLabel,
  disabled,
  onImported,
}: {
  candidateId: string | null;
  candidateName: string | null;
  jobPostingId: string | null;
  jobLabel: string | null;
  disabled: boolean;
  onImported: (doc: DocumentDto) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DraftKind>('cv');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setFile(null);
    setError(null);
  };
  const submit = async () => {
    if (!file || !candidateId) return;
    setBusy(true);
    setError(null);
    try {
      const upload = await readUpload(file, DRAFT_EXTENSIONS);
      const doc = await call('documents:import', {
        kind,
        candidateId,
        jobPostingId,
        file: upload,
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      close();
      onImported(doc);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <FileButton
        accept={DRAFT_EXTENSIONS.join(',')}
        onChange={(f) => {
          setFile(f);
          setTitle(f ? stem(f.name) : '');
        }}
        inputProps={{ 'aria-label': 'Draft file to import' }}
      >
        {(props) => (
          <Button {...props} variant="default" disabled={disabled || candidateId === null}>
            Import a draft…
          </Button>
        )}
      </FileButton>
      {file && (
        <Modal opened onClose={close} title="Import a draft" centered>
          <Stack gap="md">
            <Text size="sm">
              <b>{file.name}</b> becomes version 1 of a new document of <b>{candidateName ?? 'this candidate'}</b>
              {jobLabel ? (
                <>
                  {' '}
                  for <b>{jobLabel}</b>
                </>
              ) : null}
              . You can then validate it against the candidate’s source, edit and export it.
            </Text>
            <SegmentedControl
              aria-label="Kind of document"
              value={kind}
              onChange={(v) => setKind(v === 'cover_letter' ? 'cover_letter' : 'cv')}
              data={[
                { value: 'cv', label: 'CV' },
                { value: 'cover_letter', label: 'Cover letter' },
              ]}
            />
            <TextInput label="Name" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button loading={busy} onClick={() => void submit()}>
                Import
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
