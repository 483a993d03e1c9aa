import { Button, Group, Stack, Tabs, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { JobDuplicateMatch, JobPostingDto } from '@contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call, errorMessage } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { JOB_EXTENSIONS, readUpload } from '../shared/file-upload';
import { FileDropZone } from '../shared/FileDropZone';
import { DuplicatePostingDialog } from './DuplicatePostingDialog';

type Upload = { text: string } | { file: { fileName: string; dataBase64: string } };
interface Asking {
  label: string;
  duplicate: JobDuplicateMatch;
  answer: (addAsNew: boolean | null) => void;
}

/**
 * Adds a posting from pasted text or from a file (text, HTML, PDF or a screenshot). The same text (or image) already
 * stored asks first: open the stored posting or add a second one.
 */
export function JobImport({ onSelect }: { onSelect: (id: string) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [asking, setAsking] = useState<Asking | null>(null);

  const ask = (label: string, duplicate: JobDuplicateMatch) =>
    new Promise<boolean | null>((resolve) =>
      setAsking({
        label,
        duplicate,
        answer: (addAsNew) => {
          setAsking(null);
          resolve(addAsNew);
        },
      }),
    );

  const importOne = async (label: string, upload: Upload): Promise<void> => {
    const first = await call('jobs:import', { ...upload, onDuplicate: 'ask' });
    let job: JobPostingDto;
    if ('duplicate' in first) {
      const addAsNew = await ask(label, first.duplicate);
      if (addAsNew === null) return;
      if (!addAsNew) return onSelect(first.duplicate.id);
      const again = await call('jobs:import', { ...upload, onDuplicate: 'new' });
      if ('duplicate' in again) return onSelect(again.duplicate.id); // only `ask` answers with a duplicate
      job = again;
    } else job = first;
    notifySuccess('Posting added', job.title ?? label);
    onSelect(job.id);
  };

  const run = async (label: string, work: () => Promise<void>): Promise<boolean> => {
    setBusy(label);
    try {
      await work();
      return true;
    } catch (err) {
      setErrors((prev) => [...prev, errorMessage(err)]);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const addText = async () => {
    setErrors([]);
    if (await run('pasted text', () => importOne('The pasted text', { text }))) setText('');
  };
  const addFiles = async (files: File[]) => {
    setErrors([]);
    for (const file of files)
      await run(file.name, async () => importOne(file.name, { file: await readUpload(file, JOB_EXTENSIONS) }));
  };

  return (
    <Stack gap="xs">
      <Tabs defaultValue="paste" keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="paste">Paste text</Tabs.Tab>
          <Tabs.Tab value="file">From a file</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="paste" pt="sm">
          <Stack gap="xs">
            <Textarea
              label="Job posting text"
              placeholder="Paste the whole posting: title, company, requirements…"
              autosize
              minRows={5}
              maxRows={12}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button onClick={() => void addText()} disabled={text.trim() === ''} loading={busy === 'pasted text'}>
                Add posting
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="file" pt="sm">
          <FileDropZone
            label="Import a job posting"
            hint=".txt, .html, .pdf, or a screenshot (.png, .jpg, .webp; needs a vision AI provider)."
            extensions={JOB_EXTENSIONS}
            busy={busy !== null}
            busyLabel={`Reading ${busy ?? ''}…`}
            onFiles={(files) => void addFiles(files)}
          />
        </Tabs.Panel>
      </Tabs>
      {errors.length > 0 && (
        <ErrorAlert title="Posting not added" message={errors.join(' ')} onClose={() => setErrors([])} />
      )}
      {asking && <DuplicatePostingDialog label={asking.label} duplicate={asking.duplicate} onChoose={asking.answer} />}
    </Stack>
  );
}
