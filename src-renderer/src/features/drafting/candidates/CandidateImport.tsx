import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { CandidateDto, DuplicateMatch } from '@contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call, errorMessage } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { CANDIDATE_EXTENSIONS, readUpload, type FileUpload } from '../shared/file-upload';
import { FileDropZone } from '../shared/FileDropZone';
import { DuplicateCandidateDialog, type DuplicateChoice } from './DuplicateCandidateDialog';

interface Asking {
  fileName: string;
  duplicate: DuplicateMatch;
  answer: (choice: DuplicateChoice) => void;
}

/**
 * Imports candidates from dropped or picked files (JSON Resume or a CV); each file is parsed in main. A file or a
 * person already stored asks first: open the stored candidate, import a second one, or replace the stored one.
 */
export function CandidateImport({ onSelect }: { onSelect: (id: string) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [asking, setAsking] = useState<Asking | null>(null);

  const ask = (fileName: string, duplicate: DuplicateMatch) =>
    new Promise<DuplicateChoice>((resolve) =>
      setAsking({
        fileName,
        duplicate,
        answer: (choice) => {
          setAsking(null);
          resolve(choice);
        },
      }),
    );

  const importOne = async (file: File, upload: FileUpload): Promise<void> => {
    const first = await call('candidates:import', { file: upload, onDuplicate: 'ask' });
    let stored: CandidateDto;
    if ('duplicate' in first) {
      const choice = await ask(file.name, first.duplicate);
      if (choice === 'skip') return;
      if (choice === 'open') return onSelect(first.duplicate.id);
      const again = await call(
        'candidates:import',
        choice === 'new'
          ? { file: upload, onDuplicate: 'new' }
          : { file: upload, onDuplicate: 'replace', replaceId: first.duplicate.id },
      );
      if ('duplicate' in again) return onSelect(again.duplicate.id); // only `ask` answers with a duplicate
      stored = again;
      notifySuccess(
        choice === 'new' ? 'Imported as a new candidate' : 'Candidate replaced',
        `${stored.name} from ${file.name}`,
      );
    } else {
      stored = first;
      notifySuccess('Candidate imported', `${stored.name} from ${file.name}`);
    }
    onSelect(stored.id);
  };

  const importFiles = async (files: File[]) => {
    const failed: string[] = [];
    for (const file of files) {
      setBusy(file.name);
      try {
        await importOne(file, await readUpload(file, CANDIDATE_EXTENSIONS));
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
      {asking && (
        <DuplicateCandidateDialog fileName={asking.fileName} duplicate={asking.duplicate} onChoose={asking.answer} />
      )}
    </Stack>
  );
}
