import { Button, Group, Modal, Stack } from '@mantine/core';
import type { UserDto } from '@contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { QuotaFields, useQuotaForm } from './QuotaFields';

/** Admin: changes a user's quotas (an empty field removes that quota). */
export function EditUserModal({ user, onClose }: { user: UserDto; onClose: (saved: boolean) => void }) {
  const form = useQuotaForm(user);
  const save = useAction(async () => {
    await call('users:update', { name: user.name, patch: form.quotas() });
    notifySuccess('Quotas saved', user.name);
    onClose(true);
  });
  return (
    <Modal opened onClose={() => onClose(false)} title={`Quotas of ${user.name}`}>
      <Stack gap="sm">
        {save.error && <ErrorAlert title="Could not save the quotas" message={save.error} />}
        <QuotaFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            Cancel
          </Button>
          <Button onClick={() => void save.run()} loading={save.running}>
            Save quotas
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
