import { Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import {
  BATCH_MAX_CONCURRENCY,
  BATCH_MAX_ITEMS,
  type CandidateDto,
  type DraftKind,
  type JobPostingDto,
} from '@contract';

export type BatchMode = 'candidates' | 'postings';

export interface BatchChoice {
  mode: BatchMode;
  kind: DraftKind;
  candidateIds: string[];
  jobPostingIds: string[];
  concurrency: number;
}

const postingLabel = (j: JobPostingDto): string => {
  const title = j.fields?.title ?? j.title ?? j.sourceFileName ?? 'Untitled posting';
  const company = j.fields?.company ?? j.company;
  return company ? `${title} — ${company}` : title;
};

/** Many candidates × one posting, or one candidate × many postings; what to draft; how many at a time. */
export function BatchSetup({
  candidates,
  jobs,
  choice,
  disabled,
  onChange,
}: {
  candidates: CandidateDto[];
  jobs: JobPostingDto[];
  choice: BatchChoice;
  disabled: boolean;
  onChange: (choice: BatchChoice) => void;
}) {
  const set = (patch: Partial<BatchChoice>) => onChange({ ...choice, ...patch });
  const candidateData = candidates.map((c) => ({ value: c.id, label: c.name }));
  const jobData = jobs.map((j) => ({ value: j.id, label: postingLabel(j) }));
  const many = choice.mode === 'candidates';
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label="Batch shape"
          value={choice.mode}
          disabled={disabled}
          onChange={(v) => set({ mode: v as BatchMode, candidateIds: [], jobPostingIds: [] })}
          data={[
            { value: 'candidates', label: 'Many candidates, one posting' },
            { value: 'postings', label: 'One candidate, many postings' },
          ]}
        />
        <SegmentedControl
          aria-label="Document kind"
          value={choice.kind}
          disabled={disabled}
          onChange={(v) => set({ kind: v as DraftKind })}
          data={[
            { value: 'cv', label: 'CV' },
            { value: 'cover_letter', label: 'Cover letter' },
          ]}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {many ? (
          <MultiSelect
            label="Candidates"
            placeholder="Pick candidates"
            data={candidateData}
            value={choice.candidateIds}
            onChange={(ids) => set({ candidateIds: ids })}
            maxValues={BATCH_MAX_ITEMS}
            searchable
            disabled={disabled}
          />
        ) : (
          <Select
            label="Candidate"
            placeholder="Pick a candidate"
            data={candidateData}
            value={choice.candidateIds[0] ?? null}
            onChange={(id) => set({ candidateIds: id ? [id] : [] })}
            searchable
            disabled={disabled}
          />
        )}
        {many ? (
          <Select
            label="Job posting"
            placeholder="Pick a posting"
            data={jobData}
            value={choice.jobPostingIds[0] ?? null}
            onChange={(id) => set({ jobPostingIds: id ? [id] : [] })}
            searchable
            disabled={disabled}
          />
        ) : (
          <MultiSelect
            label="Job postings"
            placeholder="Pick postings"
            data={jobData}
            value={choice.jobPostingIds}
            onChange={(ids) => set({ jobPostingIds: ids })}
            maxValues={BATCH_MAX_ITEMS}
            searchable
            disabled={disabled}
          />
        )}
      </SimpleGrid>
      <NumberInput
        label="Drafts at a time"
        description={`1–${BATCH_MAX_CONCURRENCY}; more finishes sooner but may meet a provider's rate limit`}
        min={1}
        max={BATCH_MAX_CONCURRENCY}
        clampBehavior="strict"
        allowDecimal={false}
        value={choice.concurrency}
        onChange={(v) => set({ concurrency: typeof v === 'number' ? v : 1 })}
        disabled={disabled}
        maw={260}
      />
    </Stack>
  );
}
