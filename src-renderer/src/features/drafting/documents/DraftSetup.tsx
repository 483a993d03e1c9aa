import { Button, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CandidateDto, DocumentDto, DraftKind, JobPostingDto } from '@contract';
import { candidateDetails } from '../candidates/candidate-details';
import { ImportDraftButton } from './ImportDraftButton';
import { KIND_TITLE } from './live-draft';

function postingLabel(j: JobPostingDto): string {
  const title = j.fields?.title ?? j.title ?? j.sourceFileName ?? 'Untitled posting';
  const company = j.fields?.company ?? j.company;
  return company ? `${title} — ${company}` : title;
}

const shortDate = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });

function documentLabel(d: DocumentDto, jobs: JobPostingDto[]): string {
  const job = jobs.find((j) => j.id === d.jobPostingId);
  const title = job ? (job.fields?.title ?? job.title) : null;
  return `${KIND_TITLE[d.kind]}${title ? ` — ${title}` : ''} · ${shortDate(d.updatedAt)}`;
}

/** Two candidates of the same name (or one CV imported twice) get their email, source file and time added. */
function candidateLabels(candidates: CandidateDto[]): { value: string; label: string }[] {
  const details = candidateDetails(candidates);
  const seen = new Map<string, number>();
  for (const c of candidates) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
  return candidates.map((c) => ({
    value: c.id,
    label: (seen.get(c.name) ?? 0) > 1 ? `${c.name} · ${details.get(c.id) ?? ''}` : c.name,
  }));
}

/** Pick a candidate and a posting, generate a CV or cover letter, or open a saved document. */
export function DraftSetup({
  candidates,
  jobs,
  documents,
  candidateId,
  jobId,
  documentId,
  generating,
  onCandidate,
  onJob,
  onDocument,
  onGenerate,
  onImported,
}: {
  candidates: CandidateDto[];
  jobs: JobPostingDto[];
  documents: DocumentDto[];
  candidateId: string | null;
  jobId: string | null;
  documentId: string | null;
  generating: DraftKind | null;
  onCandidate: (id: string) => void;
  onJob: (id: string) => void;
  onDocument: (id: string) => void;
  onGenerate: (kind: DraftKind) => void;
  onImported: (doc: DocumentDto) => void;
}) {
  const ready = candidateId !== null && jobId !== null;
  const job = jobs.find((j) => j.id === jobId) ?? null;
  const busy = generating !== null;
  return (
    <Card withBorder padding="md" component="section" aria-label="Draft setup">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Candidate"
            placeholder={candidates.length === 0 ? 'Import a candidate first' : 'Pick a candidate'}
            data={candidateLabels(candidates)}
            value={candidateId}
            onChange={(v) => v && onCandidate(v)}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No candidate matches"
            disabled={busy}
          />
          <Select
            label="Job posting"
            placeholder={jobs.length === 0 ? 'Add a job posting first' : 'Pick a posting'}
            data={jobs.map((j) => ({ value: j.id, label: postingLabel(j) }))}
            value={jobId}
            onChange={(v) => v && onJob(v)}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No posting matches"
            disabled={busy}
          />
        </SimpleGrid>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group gap="xs">
            {(['cv', 'cover_letter'] as const).map((kind) => (
              <Button
                key={kind}
                variant={kind === 'cv' ? 'filled' : 'light'}
                onClick={() => onGenerate(kind)}
                disabled={!ready || (busy && generating !== kind)}
                loading={generating === kind}
              >
                Generate {kind === 'cv' ? 'CV' : 'cover letter'}
              </Button>
            ))}
            <ImportDraftButton
              candidateId={candidateId}
              candidateName={candidates.find((c) => c.id === candidateId)?.name ?? null}
              jobPostingId={jobId}
              jobLabel={job ? postingLabel(job) : null}
              disabled={busy}
              onImported={onImported}
            />
          </Group>
          <Select
            aria-label="Open a saved document"
            placeholder={documents.length === 0 ? 'No saved documents yet' : 'Open a saved document…'}
            data={documents.map((d) => ({ value: d.id, label: documentLabel(d, jobs) }))}
            value={documentId}
            onChange={(v) => v && onDocument(v)}
            allowDeselect={false}
            disabled={documents.length === 0 || busy}
            w={{ base: '100%', sm: 380 }}
            comboboxProps={{ width: 'target' }}
          />
        </Group>
        {!ready && (
          <Text size="sm" c="dimmed">
            {candidates.length === 0
              ? 'Import a candidate on the Candidates page to start.'
              : jobs.length === 0
                ? 'Add a job posting on the Job postings page to start.'
                : 'Pick a candidate and a posting to generate.'}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
