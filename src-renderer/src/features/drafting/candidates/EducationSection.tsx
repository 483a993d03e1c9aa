import { List, Stack, Text, Title } from '@mantine/core';
import type { EducationEntry } from '@contract';

function line(e: EducationEntry): string {
  const degree = [e.degree, e.field].filter(Boolean).join(' in ');
  const years = [e.start, e.end].filter(Boolean).join(' – ');
  return [degree, e.school].filter(Boolean).join(' — ') + (years ? ` (${years})` : '');
}

export function EducationSection({ entries }: { entries: EducationEntry[] }) {
  return (
    <Stack gap="xs">
      <Title order={4}>Education</Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          None found in the source.
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {entries.map((e, i) => (
            <List.Item key={i}>{line(e)}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
