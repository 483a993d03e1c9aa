import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ProviderConfigDto } from '@contract';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';

/** Confirms `providers:remove` (the config and its keychain entry; usage history stays). */
export function DeleteProviderModal({
  config,
  onClose,
  onDeleted,
}: {
  config: ProviderConfigDto | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = useAction(async (name: string) => {
    await call('providers:remove', { name });
    notifySuccess('Provider deleted', `${name} and its stored key were removed.`);
    onDeleted();
    onClose();
  });
  return (
    <Modal opened={config !== null} onClose={onClose} title="Delete provider" centered>
      {config && (
        <Stack>
          <Text>
            Delete <b>{config.name}</b> ({config.model})? Its API key is removed from the OS keychain. Usage history and
            the audit log keep their records.
          </Text>
          {remove.error && (
            <Alert color="red" title="Not deleted" role="alert">
              {remove.error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={remove.running} onClick={() => void remove.run(config.name)}>
              Delete provider
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
