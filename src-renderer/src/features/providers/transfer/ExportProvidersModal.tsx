import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { TRANSFER_PASSPHRASE_MIN } from '@contract';
import { downloadText } from '../../../lib/download';
import { call } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { useAction } from '../../../lib/use-action';

const MIN_PASSPHRASE = TRANSFER_PASSPHRASE_MIN;

/** `providers:export`: configs, prices, settings, task routing and data policies as a file; the keys only with a passphrase (typed twice). */
export function ExportProvidersModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // The form is unmounted when the modal closes, so a passphrase never outlives it.
  return (
    <Modal opened={opened} onClose={onClose} title="Export providers" centered size="lg">
      <ExportForm close={onClose} />
    </Modal>
  );
}

function ExportForm({ close }: { close: () => void }) {
  const [withKeys, setWithKeys] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const exporter = useAction(async () => {
    const file = await call('providers:export', withKeys ? { passphrase } : {});
    downloadText(file.filename, file.content, 'application/json');
    const keys = withKeys ? `${file.keys} key(s) encrypted under your passphrase` : 'no keys';
    notifySuccess(
      'Providers exported',
      `${file.filename}: ${file.providers} provider(s), ${file.prices} prices, ${keys}.`,
    );
    close();
  });
  const tooShort = withKeys && passphrase.length > 0 && passphrase.length < MIN_PASSPHRASE;
  const differs = withKeys && repeat.length > 0 && repeat !== passphrase;
  const ready = !withKeys || (passphrase.length >= MIN_PASSPHRASE && repeat === passphrase);

  return (
    <Stack>
      <Text size="sm">
        A file with the provider configs (models, base URLs, tasks, priorities, budgets, limit behaviour), the price
        table and the app settings, to import on another laptop. The admin account, usage and the audit log stay here.
      </Text>
      <Checkbox
        label="Include the API keys, encrypted under a passphrase"
        checked={withKeys}
        onChange={(e) => setWithKeys(e.currentTarget.checked)}
      />
      {withKeys ? (
        <>
          <PasswordInput
            label="Passphrase"
            description={`At least ${MIN_PASSPHRASE} characters. It is asked for on import; it is not stored anywhere.`}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={tooShort ? `At least ${MIN_PASSPHRASE} characters` : undefined}
            autoComplete="new-password"
          />
          <PasswordInput
            label="Repeat the passphrase"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={differs ? 'The two passphrases differ' : undefined}
            autoComplete="new-password"
          />
          <Alert color="blue" title="Keep the passphrase apart from the file">
            The keys are encrypted (scrypt and AES-256-GCM); anyone with the file and the passphrase can use them.
          </Alert>
        </>
      ) : (
        <Alert color="orange" title="The API keys are not included">
          Without a passphrase the file holds no keys: on the other laptop each provider shows “Needs a key” until you
          enter it again.
        </Alert>
      )}
      {exporter.error && (
        <Alert color="red" title="Not exported" role="alert">
          {exporter.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          Cancel
        </Button>
        <Button loading={exporter.running} disabled={!ready} onClick={() => void exporter.run()}>
          Export file
        </Button>
      </Group>
    </Stack>
  );
}
