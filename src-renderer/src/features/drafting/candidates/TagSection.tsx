import { Badge, Group, Stack, Text, Title } from '@mantine/core';

/** A titled group of short values (skills, languages, certifications). */
export function TagSection({ title, values, color }: { title: string; values: string[]; color?: string }) {
  return (
    <Stack gap="xs">
      <Title order={4}>{title}</Title>
      {values.length === 0 ? (
        <Text size="sm" c="dimmed">
          None listed.
        </Text>
      ) : (
        <Group gap={6}>
          {values.map((v) => (
            <Badge key={v} variant="light" color={color} tt="none" size="lg" fw={500}>
              {v}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
