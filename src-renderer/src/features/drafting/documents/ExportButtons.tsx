import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '@contract';
import { DownloadIcon } from '../../../components/icons';
import { call } from '../../../lib/ipc';
import { notifyError } from '../../../lib/notify';
import { downloadBase64 } from '../../../lib/download';

const LABELS: Record<ExportFormat, string> = { md: 'Markdown', docx: 'DOCX', pdf: 'PDF' };

/** Exports the saved document (`documents:export`) and downloads it with the returned name and type. */
export function ExportButtons({
  documentId,
  prepare,
  disabled,
}: {
  documentId: string;
  prepare: () => Promise<void>;
  disabled: boolean;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const exportAs = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await prepare();
      const file = await call('documents:export', { documentId, format });
      downloadBase64(file.fileName, file.mediaType, file.dataBase64);
    } catch (err) {
      notifyError(`Export as ${LABELS[format]} failed`, err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap={6} role="group" aria-label="Export">
      <Text size="sm" c="dimmed">
        Export
      </Text>
      {EXPORT_FORMATS.map((format) => (
        <Button
          key={format}
          size="xs"
          variant="default"
          leftSection={<DownloadIcon size={14} />}
          loading={busy === format}
          disabled={disabled || (busy !== null && busy !== format)}
          onClick={() => void exportAs(format)}
          aria-label={`Export as ${LABELS[format]}`}
        >
          {LABELS[format]}
        </Button>
      ))}
    </Group>
  );
}
