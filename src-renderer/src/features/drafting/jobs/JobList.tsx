import { Badge, NavLink, Paper, ScrollArea, Text } from '@mantine/core';
import type { JobPostingDto } from '../../../../../src-preload/contract';

/** Stored postings, newest first. */
export function JobList({
  jobs,
  selectedId,
  onSelect,
}: {
  jobs: JobPostingDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <Paper withBorder p={4} component="nav" aria-label="Job postings">
      <ScrollArea.Autosize mah={420}>
        {jobs.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            No postings yet.
          </Text>
        )}
        {jobs.map((j) => (
          <NavLink
            key={j.id}
            component="button"
            label={j.fields?.title ?? j.title ?? j.sourceFileName ?? 'Untitled posting'}
            description={j.fields?.company ?? j.company ?? (j.hasImage ? 'Image posting' : 'Not extracted yet')}
            active={j.id === selectedId}
            aria-current={j.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(j.id)}
            rightSection={
              j.fields ? null : (
                <Badge size="xs" variant="light" color="gray">
                  new
                </Badge>
              )
            }
          />
        ))}
      </ScrollArea.Autosize>
    </Paper>
  );
}
