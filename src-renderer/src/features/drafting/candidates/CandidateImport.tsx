import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { CandidateDto } from '@contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call, errorMessage } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { CANDIDATE_EXTENSIONS, readUpload } from '../shared/file-upload';
import { FileDropZone } from '../shared/FileDropZone';

/** Imports candidates from dropped or picked files (JSON Resume or a CV); each file is parsed in main. */
export function CandidateImport({ onImported }: { onImported: (candidate: CandidateDto) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const importFiles = async (files: File[]) => {
    const failed: string[] = [];
    for (const file of files) {
      setBusy(file.name);
      try {
        const candidate = await call('candidates:import', { file: await readUpload(file, CANDIDATE_EXTENSIONS) });
        notifySuccess('Candidate imported', `${candidate.name} from ${file.name}`);
        onImported(candidate);
      } catch (err) {
        failed.push(errorMessage(err));
      }
    }
    setBusy(null);
    setErrors(failed);
  };

  return (
    <Stack gap="xs">
      <FileDropZone
        label="Import a candidate"
        hint="JSON Resume (.json), or a CV as .txt, .md, .docx or .pdf."
        extensions={CANDIDATE_EXTENSIONS}
        busy={busy !== null}
        busyLabel={`Reading ${busy ?? ''}…`}
        onFiles={(files) => void importFiles(files)}
      />
      {errors.length > 0 && (
        <ErrorAlert title="Not imported" message={errors.join(' ')} onClose={() => setErrors([])} />
      )}
    </Stack>
  );
}
