import { Alert, Button, Divider, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import type { ProviderConfigDto } from '@contract';
import { call } from '../../../lib/ipc';
import { ProbeIntervalField, useProbeInterval } from '../../health/ProbeIntervalField';
import { notifySuccess } from '../../../lib/notify';
import { useAction } from '../../../lib/use-action';
import { ConfigTestAlert } from './ConfigTestAlert';
import { ConnectionFields } from './ConnectionFields';
import { ComplianceFields } from './ComplianceFields';
import { LimitFields } from './LimitFields';
import {
  configFromValues,
  keyToSend,
  NEW_PROVIDER,
  providerFormRules,
  schemaErrors,
  valuesFromConfig,
  type ProviderFormValues,
} from './provider-form-values';
import { RoutingFields } from './RoutingFields';
import { useConfigTest } from './use-config-test';

/** Create or edit a provider config (`providers:create` / `providers:update`). */
export function ProviderForm({
  saved,
  onSaved,
  onCancel,
  extraActions,
}: {
  saved: ProviderConfigDto | null;
  onSaved: (config: ProviderConfigDto) => void;
  onCancel: () => void;
  extraActions?: ReactNode;
}) {
  const editing = saved !== null;
  const form = useForm<ProviderFormValues>({
    initialValues: saved ? valuesFromConfig(saved) : NEW_PROVIDER,
    validate: providerFormRules(editing),
  });
  const tester = useConfigTest(form, saved);
  const probe = useProbeInterval(saved?.name ?? null);
  const save = useAction(async (values: ProviderFormValues) => {
    const config = configFromValues(values);
    const errors = schemaErrors(config);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    const apiKey = keyToSend(values, editing);
    const result = saved
      ? await call('providers:update', { name: saved.name, patch: config, ...(apiKey ? { apiKey } : {}) })
      : await call('providers:create', { config, ...(apiKey ? { apiKey } : {}) });
    await probe.save(result.name);
    notifySuccess(saved ? 'Provider updated' : 'Provider added', `${result.name} (${result.model}) is saved.`);
    onSaved(result);
  });

  return (
    <form onSubmit={form.onSubmit((values) => void save.run(values))} noValidate aria-label="Provider settings">
      <Stack gap="md">
        {save.error && (
          <Alert color="red" title="The provider was not saved" role="alert">
            {save.error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              Connection
            </Title>
            <ConnectionFields form={form} saved={saved} />
            <ConfigTestAlert result={tester.result} error={tester.error} onClose={tester.clear} />
          </Stack>
          <Stack gap="sm">
            <Title order={3} size="h5">
              Routing
            </Title>
            <RoutingFields form={form} />
            <ProbeIntervalField value={probe.value} onChange={probe.setValue} />
            <Divider my={4} />
            <Title order={3} size="h5">
              Limits
            </Title>
            <LimitFields form={form} />
            <Divider my={4} />
            <Title order={3} size="h5">
              Data protection
            </Title>
            <ComplianceFields form={form} />
          </Stack>
        </SimpleGrid>
        <Group justify="space-between">
          <Group gap="xs">{extraActions}</Group>
          <Group gap="xs">
            <Button
              variant="light"
              loading={tester.testing}
              onClick={() => void tester.test()}
              title="Check the address, key and model as entered, without saving (lists the models; no tokens spent)"
            >
              Test
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={save.running}>
              {editing ? 'Save changes' : 'Add provider'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
