import { Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PROVIDER_KINDS, type ProviderConfigDto } from '@contract';
import { BASE_URL_HINTS, KIND_LABELS } from '../kinds';
import { ApiKeyField } from './ApiKeyField';
import { ModelField } from './ModelField';
import type { ProviderFormValues } from './provider-form-values';

/** Name, type, model, base URL and key. */
export function ConnectionFields({
  form,
  saved,
}: {
  form: UseFormReturnType<ProviderFormValues>;
  saved: ProviderConfigDto | null;
}) {
  return (
    <Stack gap="sm">
      <TextInput
        label="Name"
        placeholder="e.g. Gemini fast"
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select
        label="Type"
        data={PROVIDER_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        allowDeselect={false}
        withAsterisk
        {...form.getInputProps('kind')}
      />
      <ModelField form={form} savedName={saved?.name ?? null} />
      <TextInput
        label="Base URL"
        placeholder={form.values.kind === 'openai-compatible' ? 'http://localhost:11434/v1' : 'Default'}
        description={BASE_URL_HINTS[form.values.kind]}
        {...form.getInputProps('baseUrl')}
      />
      <ApiKeyField form={form} saved={saved} />
    </Stack>
  );
}
