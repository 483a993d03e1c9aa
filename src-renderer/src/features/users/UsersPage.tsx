import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { UserDto } from '@contract';
import { formatInteger, formatUsd } from '@shared/display-format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { AddUserForm } from './AddUserForm';
import { EditUserModal } from './EditUserModal';
import { LIMIT_LABELS } from './limit-labels';

const orNone = (value: number | null, format: (n: number) => string): string => (value === null ? '—' : format(value));

/** Admin: the users (recruiter profiles) and their quotas. With none, everyone acts as their OS user, unlimited. */
export function UsersPage() {
  const users = useCall('users:list', {});
  const [editing, setEditing] = useState<UserDto | null>(null);
  const remove = useAction(async (name: string) => {
    await call('users:remove', { name });
    notifySuccess('User removed', name);
    users.reload();
  });
  return (
    <Stack gap="lg">
      <PageHeader
        title="Users"
        description="Recruiter profiles and their daily and monthly token and cost quotas. While the list is empty, the OS user acts without quotas; once it has users, only they can draft."
      />
      {users.error && <ErrorAlert title="Could not load users" message={users.error} />}
      {remove.error && <ErrorAlert title="Could not remove the user" message={remove.error} />}
      <AddUserForm onSaved={users.reload} />
      {users.data === null && users.loading && <LoadingBlock label="Loading users…" />}
      {users.data && users.data.length === 0 && (
        <Text c="dimmed" size="sm">
          No users yet.
        </Text>
      )}
      {users.data && users.data.length > 0 && (
        <Table withTableBorder aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th ta="right">Daily tokens</Table.Th>
              <Table.Th ta="right">Monthly tokens</Table.Th>
              <Table.Th ta="right">Daily cost</Table.Th>
              <Table.Th ta="right">Monthly cost</Table.Th>
              <Table.Th>At a quota</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.name}>
                <Table.Th scope="row">{u.name}</Table.Th>
                <Table.Td ta="right">{orNone(u.dailyTokens, formatInteger)}</Table.Td>
                <Table.Td ta="right">{orNone(u.monthlyTokens, formatInteger)}</Table.Td>
                <Table.Td ta="right">{orNone(u.dailyCostUsd, formatUsd)}</Table.Td>
                <Table.Td ta="right">{orNone(u.monthlyCostUsd, formatUsd)}</Table.Td>
                <Table.Td>{LIMIT_LABELS[u.onLimit]}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" aria-label={`Edit ${u.name}`} onClick={() => setEditing(u)}>
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      aria-label={`Remove ${u.name}`}
                      loading={remove.running}
                      onClick={() => void remove.run(u.name)}
                    >
                      Remove
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <EditUserModal
          user={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) users.reload();
          }}
        />
      )}
    </Stack>
  );
}
