import { Alert, Text } from '@mantine/core';
import type { ConfigTestFailure } from '@contract';
import { formatMs } from '../../../lib/format';
import type { ConfigTest } from './use-config-test';

const FAILURE_TITLES: Record<ConfigTestFailure, string> = {
  no_key: 'No API key',
  auth: 'Key rejected',
  unknown_model: 'Model not offered',
  no_models_endpoint: 'No models list at this address',
  unreachable: 'Server not reachable',
  timeout: 'No answer in time',
  rate_limited: 'Rate limited',
  server_error: 'Server error',
  rejected: 'Request rejected',
};

/** The outcome of "Test" in the provider form: what was checked, or the precise reason it failed. */
export function ConfigTestAlert({
  result,
  error,
  onClose,
}: {
  result: ConfigTest | null;
  error: string | null;
  onClose: () => void;
}) {
  if (error)
    return (
      <Alert color="red" title="Test not run" role="alert" withCloseButton onClose={onClose}>
        {error}
      </Alert>
    );
  if (!result) return null;
  if (result.ok)
    return (
      <Alert color="green" title="Test passed" role="status" withCloseButton onClose={onClose}>
        <Text size="sm">{result.message}</Text>
        <Text size="xs" c="dimmed">
          {result.modelCount} models listed in {formatMs(result.latencyMs)}. No tokens spent; nothing saved yet.
        </Text>
      </Alert>
    );
  const title = result.failure ? FAILURE_TITLES[result.failure] : 'Failed';
  return (
    <Alert color="red" title={`Test failed: ${title}`} role="alert" withCloseButton onClose={onClose}>
      {result.message}
    </Alert>
  );
}
