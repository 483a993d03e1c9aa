import { Button } from '@mantine/core';
import { DownloadIcon } from '../../components/icons';
import { downloadText } from '../../lib/download';
import { call } from '../../lib/ipc';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import type { DateRange } from './date-range';

/** `usage:export` as CSV for the range, saved through a Blob URL. */
export function ExportCsvButton({ range }: { range: DateRange }) {
  const exporter = useAction(async () => {
    try {
      const file = await call('usage:export', { format: 'csv', from: range.from, to: range.to });
      downloadText(file.filename, file.content, 'text/csv');
      notifySuccess('Usage exported', file.filename);
    } catch (err) {
      notifyError('Could not export usage', err);
    }
  });
  return (
    <Button
      variant="default"
      leftSection={<DownloadIcon size={16} />}
      loading={exporter.running}
      onClick={() => void exporter.run()}
    >
      Export CSV
    </Button>
  );
}
