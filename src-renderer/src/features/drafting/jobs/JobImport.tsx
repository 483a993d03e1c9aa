import { Button, Group, Stack, Tabs, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { JobPostingDto } from '@contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call, errorMessage } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { JOB_EXTENSIONS, readUpload } from '../shared/file-upload';
import { FileDropZone } from '../shared/FileDropZone';

/** Adds a posting from pasted text or from a file (text, HTML, PDF or a screenshot). */
export function JobImport({ onImported }: { onImported: (job: JobPostingDto) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const run = async (label: string, work: () => Promise<JobPostingDto>): Promise<boolean> => {
    setBusy(label);
    try {
      const job = await work();
      notifySuccess('Posting added', job.title ?? label);
      onImported(job);
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
    if (await run('pasted text', () => call('jobs:import', { text }))) setText('');
  };
  const addFiles = async (files: File[]) => {
    setErrors([]);
    for (const file of files)
      await run(file.name, async () => call('jobs:import', { file: await readUpload(file, JOB_EXTENSIONS) }));
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
    </Stack>
  );
}
