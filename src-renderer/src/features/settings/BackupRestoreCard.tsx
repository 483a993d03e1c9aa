import { Alert, Button, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupReportDto, RestoreOutputDto } from '@contract';
import { call, errorMessage } from '../../lib/ipc';
import { downloadBase64 } from '../../lib/download';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { readUpload, type FileUpload } from '../drafting/shared/file-upload';
import { SettingsCard } from './SettingsCard';

const BACKUP_EXTENSIONS = ['.db', '.sqlite', '.sqlite3', '.bak', '.backup'] as const;

const KEYS_NOTE =
  'Provider API keys are kept in the OS keychain, not in the database, so they are not in a backup: a backup restored on another computer needs the keys entered again (or imported from a providers export with keys: Providers → Export… on the old computer).';

function CountsTable({ report }: { report: BackupReportDto }) {
  const c = report.counts;
  const rows: [string, number][] = [
    ['Candidates', c.candidates],
    ['Job postings', c.jobPostings],
    ['Documents', c.documents],
    ['Document versions', c.documentVersions],
    ['Usage events', c.usageEvents],
    ['Audit entries', c.auditEntries],
  ];
  return (
    <Table withTableBorder aria-label="What the backup holds">
      <Table.Tbody>
        {rows.map(([label, n]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{n}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function schemaText(report: BackupReportDto): string {
  const { applied, app, status } = report.schema;
  return status === 'current'
    ? `Integrity check passed; the schema is this version's (${applied} migrations).`
    : `Integrity check passed; made by an older version (${applied} of ${app} migrations): it is brought up to date when restored.`;
}

/** Admin: download a backup of the database, or restore one (verified, confirmed, swapped in while the app runs). */
export function BackupRestoreCard({
  restored,
  onRestored,
  onDismissRestored,
}: {
  /** The last restore (kept by the page, which shows every card again on the restored data). */
  restored: RestoreOutputDto | null;
  onRestored: (r: RestoreOutputDto) => void;
  onDismissRestored: () => void;
}) {
  const [candidate, setCandidate] = useState<{ upload: FileUpload; report: BackupReportDto } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const backup = useAction(async () => {
    try {
      const file = await call('backup:download', {});
      downloadBase64(file.fileName, file.mediaType, file.dataBase64);
      notifySuccess('Backup downloaded', `${file.fileName}: ${file.report.counts.candidates} candidates`);
    } catch (err) {
      notifyError('Could not back up the database', err);
    }
  });

  const check = useAction(async (file: File | null) => {
    if (!file) return;
    setError(null);
    onDismissRestored();
    try {
      const upload = await readUpload(file, BACKUP_EXTENSIONS);
      const report = await call('backup:verify', { file: upload });
      setCandidate({ upload, report });
    } catch (err) {
      setError(errorMessage(err));
    }
  });

  const restore = useAction(async () => {
    if (!candidate) return;
    try {
      const result = await call('backup:restore', { file: candidate.upload });
      setCandidate(null);
      onRestored(result);
    } catch (err) {
      setCandidate(null);
      setError(errorMessage(err));
    }
  });

  return (
    <SettingsCard
      title="Backup and restore"
      description="A backup is one file holding the whole database (candidates, postings, documents and their versions, providers, prices, usage and the audit log), copied consistently while the app runs."
    >
      <Text size="sm">{KEYS_NOTE}</Text>
      <Group>
        <Button onClick={() => void backup.run()} loading={backup.running}>
          Back up now
        </Button>
        <FileButton onChange={(f) => void check.run(f)} accept={BACKUP_EXTENSIONS.join(',')}>
          {(props) => (
            <Button {...props} variant="default" loading={check.running}>
              Restore from backup…
            </Button>
          )}
        </FileButton>
      </Group>
      {error && (
        <Alert color="red" title="Not restored" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {restored && (
        <Alert color="green" title="Backup restored" withCloseButton onClose={onDismissRestored}>
          Restored from {restored.report.path}: {restored.report.counts.candidates} candidates,{' '}
          {restored.report.counts.documents} documents. The database it replaced is kept in the data folder as{' '}
          {restored.replacedName}. You may be asked to unlock admin again.
        </Alert>
      )}
      {candidate && (
        <Modal opened onClose={() => setCandidate(null)} title="Restore this backup?" centered size="lg">
          <Stack gap="md">
            <Text size="sm">
              <b>{candidate.report.path}</b> — {schemaText(candidate.report)}
            </Text>
            <CountsTable report={candidate.report} />
            <Text size="sm">
              Restoring replaces everything stored now with this backup. The current database is kept aside in the data
              folder (aditus.db.replaced-…), and the app switches to the restored data at once.
            </Text>
            <Text size="sm" c="dimmed">
              {KEYS_NOTE}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCandidate(null)}>
                Cancel
              </Button>
              <Button color="red" loading={restore.running} onClick={() => void restore.run()}>
                Restore
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </SettingsCard>
  );
}
