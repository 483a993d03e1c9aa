import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { JobPostingDto } from '@contract';
import { formatDateTime } from '../../../lib/format';
import { extractedByLabel } from './extracted-by';

/** "Extract fields" with an indeterminate progress bar while it runs, and who extracted last. */
export function ExtractControls({
  job,
  running,
  onExtract,
}: {
  job: JobPostingDto;
  running: boolean;
  onExtract: () => void;
}) {
  const by = extractedByLabel(job.extractedBy);
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          {by ? (
            <>
              <Text size="sm">Fields by</Text>
              <Badge variant="light" color={job.extractedBy === 'builtin' ? 'orange' : 'indigo'} tt="none">
                {by}
              </Badge>
              {job.editedFields.length > 0 && job.extractedBy !== 'edited' && (
                <Text size="sm" c="dimmed">
                  · {job.editedFields.length} edited by hand
                </Text>
              )}
              {job.extractedAt !== null && (
                <Text size="xs" c="dimmed">
                  {formatDateTime(job.extractedAt)}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Not extracted yet.
            </Text>
          )}
        </Group>
        <Button onClick={onExtract} loading={running} variant={job.fields ? 'default' : 'filled'}>
          {job.fields ? 'Extract again' : 'Extract fields'}
        </Button>
      </Group>
      {running && (
        <Stack gap={4} role="status" aria-live="polite">
          <Progress value={100} striped animated aria-label="Extracting" />
          <Text size="xs" c="dimmed">
            Extracting the posting’s fields{job.hasImage ? ' from the image' : ''}… this can take a little while with an
            AI provider.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
