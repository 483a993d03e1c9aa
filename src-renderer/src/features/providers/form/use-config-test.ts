import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import type { ChannelOutput, ProviderConfigDto } from '@contract';
import { call, errorMessage } from '../../../lib/ipc';
import { keyToSend, type ProviderFormValues } from './provider-form-values';

export type ConfigTest = ChannelOutput<'providers:test-config'>;

/** The connection fields a test needs; the rest of the form does not matter to it. */
const CONNECTION_FIELDS = ['model', 'baseUrl', 'apiKey'] as const;

/**
 * "Test" in the provider form: `providers:test-config` with what the form holds now (not saved), and the key
 * typed in it, or the stored key of the provider being edited when no new key is typed.
 */
export function useConfigTest(form: UseFormReturnType<ProviderFormValues>, saved: ProviderConfigDto | null) {
  const [result, setResult] = useState<ConfigTest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);

  const test = async () => {
    const invalid = CONNECTION_FIELDS.map((f) => form.validateField(f).hasError).some(Boolean);
    if (invalid) return;
    const v = form.values;
    const apiKey = keyToSend(v, saved !== null);
    const seconds = Number(v.timeoutSeconds);
    setTesting(true);
    setError(null);
    setResult(null);
    try {
      setResult(
        await call('providers:test-config', {
          connection: {
            kind: v.kind,
            model: v.model.trim(),
            baseUrl: v.baseUrl.trim() === '' ? null : v.baseUrl.trim(),
            ...(Number.isFinite(seconds) && seconds >= 1 && seconds <= 600 ? { timeoutMs: seconds * 1000 } : {}),
          },
          ...(apiKey ? { apiKey } : saved?.hasKey ? { storedKeyOf: saved.name } : {}),
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setTesting(false);
    }
  };
  return { result, error, testing, test, clear: () => (setResult(null), setError(null)) };
}
