import { Group, Text } from '@mantine/core';
import type { CandidateProfile } from '@contract';

/** Email, phone, location and links as plain text (links are shown, never followed). */
export function ContactLine({ profile }: { profile: CandidateProfile }) {
  const items = [
    { label: 'Email', value: profile.email },
    { label: 'Phone', value: profile.phone },
    { label: 'Location', value: profile.location },
    ...profile.links.map((l) => ({ label: 'Link', value: l })),
  ].filter((i): i is { label: string; value: string } => Boolean(i.value));
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No contact details in the source.
      </Text>
    );
  return (
    <Group gap="lg" wrap="wrap" role="list" aria-label="Contact">
      {items.map((i, n) => (
        <Text key={n} size="sm" role="listitem" style={{ overflowWrap: 'anywhere' }}>
          <Text span c="dimmed" size="xs" tt="uppercase" fw={600}>
            {i.label}
          </Text>{' '}
          {i.value}
        </Text>
      ))}
    </Group>
  );
}
