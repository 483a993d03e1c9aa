import { Center, Group, Loader, Text } from '@mantine/core';

/** A centred loader with what is loading, for first loads of a page or a panel. */
export function LoadingBlock({ label }: { label: string }) {
  return (
    <Center py="xl">
      <Group gap="sm" role="status" aria-live="polite">
        <Loader size="sm" aria-hidden="true" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}
