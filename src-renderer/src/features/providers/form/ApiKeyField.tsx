import { PasswordInput, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ProviderConfigDto } from '@contract';
import { formatAge } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { KEY_FORMATS } from '../kinds';
import type { ProviderFormValues } from './provider-form-values';

/**
 * The API key is write-only: it goes to the OS keychain and is never shown again. Editing shows the
 * stored key's last four characters and a "Replace key" switch.
 */
export function ApiKeyField({
  form,
  saved,
}: {
  form: UseFormReturnType<ProviderFormValues>;
  saved: ProviderConfigDto | null;
}) {
  const now = useNow(60_000);
  const kind = form.values.kind;
  const hint = KEY_FORMATS[kind]?.hint ?? 'Local servers usually need no key';
  const input = (
    <PasswordInput
      label={saved ? 'New API key' : 'API key'}
      description={`${hint}. Stored in the OS keychain, never shown again.`}
      autoComplete="off"
      spellCheck={false}
      {...form.getInputProps('apiKey')}
    />
  );
  if (!saved) return input;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        API key
      </Text>
      <Text size="sm" c="dimmed">
        {saved.keyHint
          ? `Stored key ends in …${saved.keyHint}${saved.keySetAt ? `, set ${formatAge(saved.keySetAt, now)}` : ''}.`
          : 'No key stored.'}
      </Text>
      <Switch label="Replace key" {...form.getInputProps('replaceKey', { type: 'checkbox' })} />
      {form.values.replaceKey && input}
    </Stack>
  );
}
