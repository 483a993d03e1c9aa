import { Alert } from '@mantine/core';
import { formatMs } from '../../lib/format';
import type { CredentialTest } from './credential-test';

/** The outcome of "Test credentials": ok with latency, or the classified message from main. */
export function CredentialTestAlert({ result, onClose }: { result: CredentialTest; onClose?: () => void }) {
  return result.ok ? (
    <Alert
      color="green"
      title={`Credentials OK: ${result.name}`}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      role="status"
    >
      {result.model} answered in {formatMs(result.latencyMs)}.
    </Alert>
  ) : (
    <Alert
      color="red"
      title={`Credentials test failed: ${result.name}`}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      role="alert"
    >
      {result.message}
    </Alert>
  );
}
