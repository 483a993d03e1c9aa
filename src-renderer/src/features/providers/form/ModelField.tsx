import { Autocomplete, Loader } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { call, errorMessage } from '../../../lib/ipc';
import { MODEL_EXAMPLES } from '../kinds';
import type { ProviderFormValues } from './provider-form-values';

interface ModelList {
  state: 'idle' | 'loading' | 'loaded' | 'failed';
  models: { value: string; label: string }[];
  error: string | null;
}

/**
 * Model name, free text. For a saved config the suggestions come from the provider itself
 * (`providers:models`, fetched the first time the list opens, since it calls the vendor).
 */
export function ModelField({
  form,
  savedName,
}: {
  form: UseFormReturnType<ProviderFormValues>;
  savedName: string | null;
}) {
  const [list, setList] = useState<ModelList>({ state: 'idle', models: [], error: null });

  const load = () => {
    if (!savedName || list.state === 'loading' || list.state === 'loaded') return;
    setList({ state: 'loading', models: [], error: null });
    call('providers:models', { name: savedName }).then(
      (models) =>
        setList({
          state: 'loaded',
          models: models.map((m) => ({
            value: m.id,
            label: m.displayName && m.displayName !== m.id ? `${m.id} — ${m.displayName}` : m.id,
          })),
          error: null,
        }),
      (err: unknown) => setList({ state: 'failed', models: [], error: errorMessage(err) }),
    );
  };

  const description = savedName
    ? list.state === 'failed'
      ? `Could not list models: ${list.error ?? ''}`
      : 'Pick from the provider’s models or type any model id'
    : 'Type the model id; suggestions appear when editing a saved provider';

  return (
    <Autocomplete
      label="Model"
      placeholder={`e.g. ${MODEL_EXAMPLES[form.values.kind]}`}
      description={description}
      data={list.models}
      limit={50}
      maxDropdownHeight={260}
      onDropdownOpen={load}
      onFocus={load}
      rightSection={list.state === 'loading' ? <Loader size="xs" aria-label="Loading models" /> : undefined}
      withAsterisk
      {...form.getInputProps('model')}
    />
  );
}
