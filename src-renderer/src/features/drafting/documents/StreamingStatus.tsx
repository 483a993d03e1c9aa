import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { formatInteger } from '../../../lib/format';
import { providerLabel } from '../shared/attempt-reasons';
import { KIND_LABEL, type LiveDraft } from './live-draft';

/**
 * The visible "writing…" indicator while a draft streams in, with Stop (what streamed so far is kept, marked
 * incomplete), and who took over after a failure.
 */
export function StreamingStatus({
  live,
  stopping,
  onStop,
}: {
  live: LiveDraft;
  stopping: boolean;
  onStop: () => void;
}) {
  return (
    <>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap="xs" role="status" aria-live="polite" data-testid="streaming-indicator">
          <Loader size="xs" type="dots" aria-hidden="true" />
          <Text size="sm">
            {stopping ? 'Stopping' : 'Writing'} the {KIND_LABEL[live.kind]}…{' '}
            <Text span c="dimmed" size="sm">
              {formatInteger(live.text.length)} characters so far
            </Text>
          </Text>
        </Group>
        <Button
          size="compact-sm"
          color="red"
          variant="light"
          onClick={onStop}
          loading={stopping}
          title="Stop writing; the text so far is kept and marked incomplete"
        >
          Stop
        </Button>
      </Group>
      {live.takeover && (
        <Alert color="yellow" variant="light" py="xs" title={`${providerLabel(live.takeover)} took over`}>
          The first provider failed mid-answer; its partial text was discarded and the draft starts again.
        </Alert>
      )}
    </>
  );
}
