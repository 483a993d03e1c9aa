import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../lib/ipc';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';

/**
 * Who this window acts as: the OS user by default; once the admin manages users, a profile from the list,
 * asked for at start when the OS user is not one of them. Usage and quotas are counted per profile.
 */
export function ProfileSelect() {
  const acting = useCall('users:acting', {});
  const users = useCall('users:list', {});
  const [picked, setPicked] = useState<string | null>(null);
  const choose = useAction(async (name: string) => {
    await call('users:choose', { name });
    acting.reload();
  });
  if (!acting.data || !users.data) return null;
  const names = users.data.map((u) => u.name);
  if (acting.data.implicit && names.length === 0)
    return (
      <Text size="sm" c="dimmed" aria-label="Profile">
        {acting.data.name}
      </Text>
    );
  const current = names.includes(acting.data.name) ? acting.data.name : null;
  return (
    <>
      <Select
        aria-label="Profile"
        placeholder="Choose your profile"
        data={names}
        value={current}
        allowDeselect={false}
        size="xs"
        w={160}
        onDropdownOpen={users.reload}
        onChange={(name) => name && void choose.run(name)}
      />
      <Modal
        opened={current === null}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnClickOutside={false}
        closeOnEscape={false}
        title="Choose your profile"
      >
        <Stack gap="sm">
          <Text size="sm">
            Your admin manages users, and {acting.data.osUser} is not one of them. Usage and quotas are counted per
            profile.
          </Text>
          {choose.error && <ErrorAlert title="Could not choose the profile" message={choose.error} />}
          <Select label="Profile" data={names} value={picked} onChange={setPicked} allowDeselect={false} />
          <Button disabled={picked === null} loading={choose.running} onClick={() => picked && void choose.run(picked)}>
            Continue
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
