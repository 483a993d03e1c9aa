import { Button, Group, Loader, Text } from '@mantine/core';
import { formatClock } from '../shared/format-clock';
import type { AutosaveState } from './use-autosave';

/** "Saved 14:03:22", "Saving…", or why the last autosave failed (with a retry). */
export function SaveStatus({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
  return (
    <Group gap={6} role="status" aria-live="polite" data-testid="save-status" wrap="nowrap">
      {state.status === 'saving' && (
        <>
          <Loader size={12} aria-hidden="true" />
          <Text size="xs" c="dimmed">
            Saving…
          </Text>
        </>
      )}
      {state.status === 'pending' && (
        <Text size="xs" c="dimmed">
          Editing…
        </Text>
      )}
      {state.status === 'saved' && state.savedAt !== null && (
        <Text size="xs" c="dimmed">
          Saved {formatClock(state.savedAt)}
        </Text>
      )}
      {state.status === 'error' && (
        <>
          <Text size="xs" c="red">
            Not saved: {state.error}
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            Retry
          </Button>
        </>
      )}
    </Group>
  );
}
