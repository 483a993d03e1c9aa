import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { DocumentDto } from '@contract';
import { KIND_TITLE } from './live-draft';
import type { ReactNode } from 'react';

/** The document's title, kind, latest version and the save indicator. */
export function DocumentHeader({ doc, status }: { doc: DocumentDto; status: ReactNode }) {
  const latest = doc.versions[0];
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Title order={3} style={{ overflowWrap: 'anywhere' }}>
          {doc.title}
        </Title>
        <Group gap={6}>
          <Badge variant="light" tt="none">
            {KIND_TITLE[doc.kind]}
          </Badge>
          {latest && (
            <Text size="xs" c="dimmed">
              Version {latest.version}
            </Text>
          )}
        </Group>
      </Stack>
      {status}
    </Group>
  );
}
