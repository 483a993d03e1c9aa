import { Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { DocumentVersionDto } from '@contract';
import { formatDateTime } from '../../../lib/format';
import { providerLabel } from '../shared/attempt-reasons';
import { VersionRoute } from './VersionRoute';

const ORIGIN: Record<DocumentVersionDto['origin'], string> = {
  generated: 'Generated',
  edited: 'Saved edit',
  restored: 'Restored',
  stopped: 'Stopped — incomplete',
  imported: 'Imported from a file',
};

function source(v: DocumentVersionDto): string | null {
  if (v.origin !== 'generated' || v.providerName === null) return null;
  return `${providerLabel(v.providerName)}${v.model ? ` · ${v.model}` : ''}`;
}

/** Saved versions, newest first; restoring one adds it again as the newest version (nothing is overwritten). */
export function VersionHistory({
  versions,
  busyVersion,
  disabled,
  onRestore,
}: {
  versions: DocumentVersionDto[];
  busyVersion: number | null;
  disabled: boolean;
  onRestore: (version: number) => void;
}) {
  const latest = versions[0]?.version;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="versions-title">
      <Stack gap="sm">
        <Title order={4} id="versions-title">
          Versions
        </Title>
        {versions.length === 0 && (
          <Text size="sm" c="dimmed">
            No saved versions yet. “Save version” keeps the current text.
          </Text>
        )}
        <Box mah={360} style={{ overflowY: 'auto' }}>
          <Stack
            gap={6}
            component="ol"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            aria-label="Version history"
          >
            {versions.map((v) => (
              <Group key={v.version} component="li" justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      v{v.version}
                    </Text>
                    <Text size="sm">{ORIGIN[v.origin]}</Text>
                    {v.offline && (
                      <Badge size="xs" color="orange" variant="light">
                        offline
                      </Badge>
                    )}
                    {v.version === latest && (
                      <Badge size="xs" variant="light">
                        latest
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    {formatDateTime(v.createdAt)}
                    {source(v) ? ` · ${source(v)}` : ''}
                  </Text>
                  <VersionRoute version={v} />
                </Stack>
                {v.version !== latest && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onRestore(v.version)}
                    loading={busyVersion === v.version}
                    disabled={disabled}
                    aria-label={`Restore version ${v.version}`}
                    style={{ flexShrink: 0 }}
                  >
                    Restore
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Box>
      </Stack>
    </Card>
  );
}
