import { Alert, Button, FileButton, Group, Modal, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OnConflict, TransferPlan } from '@contract';
import { call } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { useAction } from '../../../lib/use-action';
import { ImportPreview } from './ImportPreview';
import { summary } from './transfer-words';

interface Picked {
  name: string;
  content: string;
}

/**
 * `providers:import`: pick a file, enter the passphrase when it holds keys, see what will be created, replaced
 * or skipped, then confirm. Nothing changes before the confirmation, and a refused file changes nothing.
 */
export function ImportProvidersModal({
  opened,
  onClose,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  // The form is unmounted when the modal closes, so the file and passphrase never outlive it.
  return (
    <Modal opened={opened} onClose={onClose} title="Import providers" centered size="xl">
      <ImportForm
        close={onClose}
        imported={() => {
          onImported();
          onClose();
        }}
      />
    </Modal>
  );
}

function ImportForm({ close, imported }: { close: () => void; imported: () => void }) {
  const [file, setFile] = useState<Picked | null>(null);
  const [passphrase, setPassphrase] = useState('');
  /** The passphrase the shown preview was unlocked with (sent again on import). */
  const [unlockedWith, setUnlockedWith] = useState<string | undefined>(undefined);
  const [onConflict, setOnConflict] = useState<OnConflict>('skip');
  const [plan, setPlan] = useState<TransferPlan | null>(null);

  const preview = useAction(async (picked: Picked, conflict: OnConflict, secret: string | undefined) => {
    const next = await call('providers:import-preview', {
      content: picked.content,
      onConflict: conflict,
      ...(secret !== undefined ? { passphrase: secret } : {}),
    });
    setPlan(next);
    setUnlockedWith(next.keysUnlocked ? secret : undefined);
  });
  const importer = useAction(async (picked: Picked) => {
    const done = await call('providers:import', {
      content: picked.content,
      onConflict,
      ...(unlockedWith !== undefined ? { passphrase: unlockedWith } : {}),
    });
    notifySuccess('Providers imported', summary(done));
    imported();
  });

  const choose = async (picked: File | null) => {
    if (!picked) return;
    const next = { name: picked.name, content: await picked.text() };
    setFile(next);
    setPlan(null);
    setPassphrase('');
    setUnlockedWith(undefined);
    importer.clearError();
    await preview.run(next, onConflict, undefined);
  };
  const needsPassphrase = plan !== null && plan.keysIncluded && !plan.keysUnlocked;

  return (
    <Stack>
      <Text size="sm">
        A file from “Export” on another laptop (or <code>aditus providers export</code>). It is checked as a whole
        first: a damaged or foreign file, or a wrong passphrase, changes nothing.
      </Text>
      <Group>
        <FileButton
          accept="application/json,.json"
          onChange={(f) => void choose(f)}
          inputProps={{ 'aria-label': 'Providers file' }}
        >
          {(props) => (
            <Button {...props} variant="light" loading={preview.running && plan === null}>
              Choose file…
            </Button>
          )}
        </FileButton>
        {file && <Text size="sm">{file.name}</Text>}
      </Group>
      {preview.error && (
        <Alert color="red" title="This file cannot be imported" role="alert">
          {preview.error}
        </Alert>
      )}
      {file && plan && (
        <>
          {plan.keysIncluded && (
            <Group align="flex-end">
              <PasswordInput
                label="Passphrase"
                description="The one the file was exported with: it decrypts the API keys."
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                disabled={plan.keysUnlocked}
                style={{ flex: 1 }}
                autoComplete="off"
              />
              <Button
                variant="default"
                disabled={plan.keysUnlocked || passphrase.length === 0}
                loading={preview.running}
                onClick={() => void preview.run(file, onConflict, passphrase)}
              >
                {plan.keysUnlocked ? 'Keys unlocked' : 'Unlock keys'}
              </Button>
            </Group>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="on-conflict-label">
              A provider whose name exists here
            </Text>
            <SegmentedControl
              aria-labelledby="on-conflict-label"
              value={onConflict}
              onChange={(value) => {
                const conflict = value as OnConflict;
                setOnConflict(conflict);
                void preview.run(file, conflict, unlockedWith);
              }}
              data={[
                { value: 'skip', label: 'Skip it (keep the one here)' },
                { value: 'replace', label: 'Replace it with the file’s' },
              ]}
            />
          </Stack>
          <ImportPreview plan={plan} />
        </>
      )}
      {importer.error && (
        <Alert color="red" title="Nothing was imported" role="alert">
          {importer.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          Cancel
        </Button>
        <Button
          disabled={!file || !plan || needsPassphrase || preview.running}
          loading={importer.running}
          onClick={() => file && void importer.run(file)}
        >
          Import
        </Button>
      </Group>
    </Stack>
  );
}
