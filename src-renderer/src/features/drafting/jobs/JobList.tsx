import { Badge } from '@mantine/core';
import type { JobPostingDto } from '@contract';
import { formatDay } from '../../../lib/format';
import { SelectableList } from '../shared/SelectableList';
import { useJobDrafts } from './job-drafts';

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
  const drafts = useJobDrafts();
  return (
    <SelectableList
      label="Job postings"
      emptyText="No postings yet."
      maxHeight={420}
      searchLabel="Search postings"
      selectedId={selectedId}
      onSelect={onSelect}
      entries={jobs.map((j) => ({
        id: j.id,
        label: j.fields?.title ?? j.title ?? j.sourceFileName ?? 'Untitled posting',
        description: [
          j.fields?.company ?? j.company ?? (j.hasImage ? 'Image posting' : 'Not extracted yet'),
          j.sourceFileName,
          formatDay(j.createdAt),
        ]
          .filter(Boolean)
          .join(' · '),
        rightSection: drafts.has(j.id) ? (
          <Badge size="xs" variant="light" color="orange" title="Field changes not saved yet">
            unsaved
          </Badge>
        ) : j.fields ? null : (
          <Badge size="xs" variant="light" color="gray">
            new
          </Badge>
        ),
      }))}
    />
  );
}
