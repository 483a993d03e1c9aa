import { Button, Card, Group, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { USER_LIMIT_BEHAVIOURS, type UserLimitBehaviour } from '@contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { LIMIT_LABELS } from './limit-labels';

const amount = (value: string | number): number | null => (value === '' || Number(value) === 0 ? null : Number(value));

/** Admin: adds a user (a recruiter profile) with optional daily and monthly token and cost quotas. */
export function AddUserForm({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const [dailyTokens, setDailyTokens] = useState<string | number>('');
  const [monthlyTokens, setMonthlyTokens] = useState<string | number>('');
  const [dailyCost, setDailyCost] = useState<string | number>('');
  const [monthlyCost, setMonthlyCost] = useState<string | number>('');
  const [onLimit, setOnLimit] = useState<UserLimitBehaviour>('block');
  const save = useAction(async () => {
    const user = await call('users:add', {
      name: name.trim(),
      dailyTokens: amount(dailyTokens),
      monthlyTokens: amount(monthlyTokens),
      dailyCostUsd: amount(dailyCost),
      monthlyCostUsd: amount(monthlyCost),
      onLimit,
    });
    notifySuccess('User added', user.name);
    for (const clear of [setName, setDailyTokens, setMonthlyTokens, setDailyCost, setMonthlyCost]) clear('');
    setOnLimit('block');
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
          <NumberInput
            label="Daily tokens"
            value={dailyTokens}
            onChange={setDailyTokens}
            min={0}
            allowDecimal={false}
            thousandSeparator=","
          />
          <NumberInput
            label="Monthly tokens"
            value={monthlyTokens}
            onChange={setMonthlyTokens}
            min={0}
            allowDecimal={false}
            thousandSeparator=","
          />
          <NumberInput label="Daily cost (USD)" value={dailyCost} onChange={setDailyCost} min={0} decimalScale={2} />
          <NumberInput
            label="Monthly cost (USD)"
            value={monthlyCost}
            onChange={setMonthlyCost}
            min={0}
            decimalScale={2}
          />
          <Select
            label="At a quota"
            data={USER_LIMIT_BEHAVIOURS.map((b) => ({ value: b, label: LIMIT_LABELS[b] }))}
            value={onLimit}
            allowDeselect={false}
            onChange={(v) => setOnLimit((USER_LIMIT_BEHAVIOURS.find((b) => b === v) ?? 'block') as UserLimitBehaviour)}
          />
          <Button onClick={() => void save.run()} loading={save.running} disabled={name.trim() === ''}>
            Add user
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
