import { useState } from 'react';
import { call } from '../../lib/ipc';
import { notifyError } from '../../lib/notify';
import type { CredentialTest } from './credential-test';

/** Runs `providers:test` for a saved provider and keeps the last result. */
export function useCredentialTest(onTested?: () => void) {
  const [result, setResult] = useState<CredentialTest | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const test = async (name: string) => {
    setTesting(name);
    try {
      const outcome = await call('providers:test', { name });
      setResult({ ...outcome, name });
      onTested?.();
    } catch (err) {
      notifyError(`Could not test ${name}`, err);
    } finally {
      setTesting(null);
    }
  };
  return { result, testing, test, clear: () => setResult(null) };
}
