import { Alert, Badge, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CandidateDto } from '@contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DownloadIcon, EditIcon } from '../../../components/icons';
import { downloadBase64, downloadText } from '../../../lib/download';
import { formatDateTime } from '../../../lib/format';
import { call } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';
import { useAction } from '../../../lib/use-action';
import { ContactLine } from './ContactLine';
import { EntryCard, type MoveTarget } from './EntryCard';
import {
  ENTRY_SECTIONS,
  SECTION_LABELS,
  UNASSIGNED,
  entryLabel,
  fromModel,
  moveBullet,
  toModel,
  type RecordModel,
} from './record-model';
import { TagSection } from './TagSection';
import { UnassignedSection } from './UnassignedSection';

/**
 * The candidate record (JSON Resume) as parsed: entries with their bullets and where each was read. "Correct" lets the
 * recruiter fix fields, move a bullet to another entry, or delete, before drafting; "Save" stores it in main.
 */
export function CandidateRecordView({
  candidate,
  onDraft,
  onSaved,
}: {
  candidate: CandidateDto;
  onDraft: () => void;
  onSaved: (candidate: CandidateDto) => void;
}) {
  const p = candidate.profile;
  const { resume } = candidate.record;
  const [model, setModel] = useState<RecordModel | null>(null);
  const editing = model !== null;
  const shown = useMemo(() => model ?? toModel(candidate.record), [model, candidate.record]);
  const save = useAction(async (next: RecordModel) => {
    const saved = await call('candidates:update', { id: candidate.id, record: fromModel(next, candidate.record) });
    notifySuccess('Record saved', `Drafts for ${saved.name} now use the corrected record.`);
    setModel(null);
    onSaved(saved);
  });
  const download = useAction(async () => {
    const file = await call('candidates:export', { id: candidate.id });
    downloadText(file.fileName, file.json, 'application/json');
  });
  const exportAll = useAction(async () => {
    const file = await call('candidates:export-data', { id: candidate.id });
    downloadBase64(file.fileName, file.mediaType, file.dataBase64);
  });

  const targets: MoveTarget[] = [
    ...shown.entries.map((e) => ({ value: e.key, label: `${SECTION_LABELS[e.section]}: ${entryLabel(e)}` })),
    { value: UNASSIGNED, label: 'No entry (unassigned)' },
  ];
  const update = (next: RecordModel) => setModel(next);

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby="candidate-name">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          {/* At least 260px for the name: the actions wrap below it rather than squeeze it to a word a line. */}
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Title order={3} id="candidate-name">
              {p.name}
            </Title>
            {p.headline && <Text c="dimmed">{p.headline}</Text>}
            <Group gap="xs">
              <Badge
                variant="outline"
                color="gray"
                tt="none"
                maw="100%"
                styles={{ label: { minWidth: 0 } }}
                title={candidate.sourceFileName ?? candidate.sourceKind}
              >
                From {candidate.sourceFileName ?? candidate.sourceKind}
              </Badge>
              <Text size="xs" c="dimmed">
                Imported {formatDateTime(candidate.createdAt)}
              </Text>
            </Group>
          </Stack>
          <Group gap="xs">
            {editing ? (
              <>
                <Button variant="default" onClick={() => setModel(null)} disabled={save.running}>
                  Cancel
                </Button>
                <Button onClick={() => void save.run(shown)} loading={save.running}>
                  Save record
                </Button>
              </>
            ) : (
              <>
                <Button
                  variant="default"
                  leftSection={<DownloadIcon size={16} />}
                  onClick={() => void download.run()}
                  loading={download.running}
                >
                  JSON Resume
                </Button>
                <Button
                  variant="default"
                  leftSection={<DownloadIcon size={16} />}
                  onClick={() => void exportAll.run()}
                  loading={exportAll.running}
                  title="A zip with the JSON Resume, the source file as imported and every version of every document"
                >
                  Export all data
                </Button>
                <Button
                  variant="default"
                  leftSection={<EditIcon size={16} />}
                  onClick={() => setModel(toModel(candidate.record))}
                >
                  Correct record
                </Button>
                <Button onClick={onDraft}>Draft documents</Button>
              </>
            )}
          </Group>
        </Group>
        {save.error && <ErrorAlert title="Not saved" message={save.error} onClose={save.clearError} />}
        {download.error && <ErrorAlert title="Not exported" message={download.error} onClose={download.clearError} />}
        {exportAll.error && (
          <ErrorAlert title="Not exported" message={exportAll.error} onClose={exportAll.clearError} />
        )}
        {editing && (
          <Alert color="blue" variant="light">
            Correct what the parser read. Moving a bullet keeps the line it came from; dates are JSON Resume dates
            (2021, 2021-04 or 2021-04-15).
          </Alert>
        )}
        <ContactLine profile={p} />
        {resume.basics?.summary && (
          <Stack gap={4}>
            <Title order={4}>Summary</Title>
            <Text size="sm">{resume.basics.summary}</Text>
          </Stack>
        )}
        <UnassignedSection
          items={shown.unassigned}
          editing={editing}
          targets={targets.filter((t) => t.value !== UNASSIGNED)}
          onMove={(index, to) => update(moveBullet(shown, { entryKey: UNASSIGNED, index }, to))}
          onDelete={(index) => update({ ...shown, unassigned: shown.unassigned.filter((_, i) => i !== index) })}
        />
        {ENTRY_SECTIONS.map((section) => {
          const entries = shown.entries.filter((e) => e.section === section);
          if (entries.length === 0 && section !== 'work') return null;
          return (
            <Stack key={section} gap="sm">
              <Divider />
              <Title order={4}>{SECTION_LABELS[section]}</Title>
              {entries.length === 0 && (
                <Text size="sm" c="dimmed">
                  None found in the source.
                </Text>
              )}
              {entries.map((entry) => (
                <EntryCard
                  key={entry.key}
                  entry={entry}
                  editing={editing}
                  targets={targets}
                  onChange={(next) =>
                    update({ ...shown, entries: shown.entries.map((e) => (e.key === next.key ? next : e)) })
                  }
                  onMoveBullet={(index, to) => update(moveBullet(shown, { entryKey: entry.key, index }, to))}
                  onDelete={() => update({ ...shown, entries: shown.entries.filter((e) => e.key !== entry.key) })}
                />
              ))}
            </Stack>
          );
        })}
        <Divider />
        <TagSection title="Skills" values={p.skills} />
        {p.certifications.length > 0 && <TagSection title="Certifications" values={p.certifications} color="grape" />}
        {(resume.awards ?? []).length > 0 && (
          <TagSection
            title="Awards"
            values={(resume.awards ?? []).map((a) => [a.title, a.awarder, a.date].filter(Boolean).join(' — '))}
            color="yellow"
          />
        )}
        {(resume.publications ?? []).length > 0 && (
          <TagSection
            title="Publications"
            values={(resume.publications ?? []).map((x) =>
              [x.name, x.publisher, x.releaseDate].filter(Boolean).join(' — '),
            )}
            color="teal"
          />
        )}
        {p.languages.length > 0 && <TagSection title="Languages" values={p.languages} color="cyan" />}
      </Stack>
    </Card>
  );
}
