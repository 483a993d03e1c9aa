import { Checkbox, Group, NumberInput, Stack, Switch } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { TASKS } from '@contract';
import { TASK_LABELS } from '../kinds';
import type { ProviderFormValues } from './provider-form-values';

/** Which tasks go to this provider, in what order, and whether it is used at all. */
export function RoutingFields({ form }: { form: UseFormReturnType<ProviderFormValues> }) {
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label="Tasks routed to this provider"
        description="Providers without a task are only used when asked for by name"
        {...form.getInputProps('tasks')}
      >
        <Group mt="xs" gap="md">
          {TASKS.map((task) => (
            <Checkbox key={task} value={task} label={TASK_LABELS[task]} />
          ))}
        </Group>
      </Checkbox.Group>
      <NumberInput
        label="Priority"
        description="Lower runs first; the default provider always goes first"
        min={0}
        max={1000}
        allowDecimal={false}
        {...form.getInputProps('priority')}
      />
      <Group gap="xl">
        <Switch label="Default provider" {...form.getInputProps('isDefault', { type: 'checkbox' })} />
        <Switch label="Active" {...form.getInputProps('active', { type: 'checkbox' })} />
      </Group>
    </Stack>
  );
}
