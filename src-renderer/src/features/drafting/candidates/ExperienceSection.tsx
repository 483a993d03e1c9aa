import { List, Stack, Text, Title } from '@mantine/core';
import type { ExperienceEntry } from '@contract';

/** Work history as parsed: role, employer, dates, location and bullets. */
export function ExperienceSection({ entries }: { entries: ExperienceEntry[] }) {
  return (
    <Stack gap="sm">
      <Title order={4}>Experience</Title>
      {entries.length === 0 && (
        <Text size="sm" c="dimmed">
          None found in the source.
        </Text>
      )}
      {entries.map((e, i) => (
        <Stack key={i} gap={2}>
          <Text fw={600}>
            {e.title} — {e.employer}
          </Text>
          <Text size="sm" c="dimmed">
            {[e.start || null, e.end ?? 'Present'].filter(Boolean).join(' – ')}
            {e.location ? ` · ${e.location}` : ''}
          </Text>
          {e.bullets.length > 0 && (
            <List size="sm" spacing={2} withPadding>
              {e.bullets.map((b, j) => (
                <List.Item key={j}>{b}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
