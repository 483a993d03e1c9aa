import { Alert, Button, Stack } from '@mantine/core';
import type { ChannelOutput } from '@contract';
import { ShieldIcon } from '../../components/icons';
import { call } from '../../lib/ipc';
import { useAction } from '../../lib/use-action';

export type Verification = ChannelOutput<'audit:verify'>;

/** "Verify chain" (`audit:verify`) and its verdict. */
export function VerifyChainButton({ onResult }: { onResult: (v: Verification) => void }) {
  const verify = useAction(async () => onResult(await call('audit:verify', {})));
  return (
    <Stack gap={4}>
      <Button leftSection={<ShieldIcon size={16} />} loading={verify.running} onClick={() => void verify.run()}>
        Verify chain
      </Button>
      {verify.error && (
        <Alert color="red" title="Could not verify" role="alert">
          {verify.error}
        </Alert>
      )}
    </Stack>
  );
}

export function VerificationAlert({ result, onClose }: { result: Verification; onClose: () => void }) {
  return result.ok ? (
    <Alert color="green" title="Audit chain verified" withCloseButton onClose={onClose} role="status">
      {result.message}
    </Alert>
  ) : (
    <Alert color="red" title="Audit chain broken" withCloseButton onClose={onClose} role="alert">
      {result.message}
      {result.firstBadId !== null && ` First row that does not fit: ${result.firstBadId}.`}
    </Alert>
  );
}
