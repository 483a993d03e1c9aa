import { Alert, Text } from '@mantine/core';

/** Says that drafting works without an AI provider (and what that means). */
export function OfflineDraftingNotice({ tasks }: { tasks: string }) {
  return (
    <Alert color="orange" variant="light" py="xs" aria-label="Offline drafting">
      <Text size="sm">
        <b>Drafting still works offline.</b> No AI provider is active for {tasks}, so the built-in drafter writes them
        from the candidate’s profile and the posting — no data leaves this computer. An admin can add a provider under
        Admin → Providers.
      </Text>
    </Alert>
  );
}
