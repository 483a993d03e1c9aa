import { Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { QuotaFields, useQuotaForm } from './QuotaFields';

/** Admin: adds a user (a recruiter profile) with optional daily and monthly token and cost quotas. */
export function AddUserForm({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const form = useQuotaForm();
  const save = useAction(async () => {
    const user = await call('users:add', { name: name.trim(), ...form.quotas() });
    notifySuccess('User added', user.name);
    setName('');
    form.reset();
    onSaved();
  });
  return (
    <Card withBorder padding="lg" component="section" aria-label="Add a user">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Add a user
        </Title>
        {save.error && <ErrorAlert title="Could not add the user" message={save.error} onClose={save.clearError} />}
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Name"
            description="e.g. their OS user name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <QuotaFields form={form} />
          <Button onClick={() => void save.run()} loading={save.running} disabled={name.trim() === ''}>
            Add user
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
