import { Button, Group } from '@mantine/core';
import { ExportButtons } from './ExportButtons';

/** Below the editor: save a version, regenerate, export. */
export function DocumentActions({
  documentId,
  canRegenerate,
  empty,
  locked,
  saving,
  regenerating,
  prepareExport,
  onSaveVersion,
  onRegenerate,
}: {
  documentId: string;
  canRegenerate: boolean;
  empty: boolean;
  locked: boolean;
  saving: boolean;
  regenerating: boolean;
  prepareExport: () => Promise<void>;
  onSaveVersion: () => void;
  onRegenerate: () => void;
}) {
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="xs">
        <Button variant="default" onClick={onSaveVersion} loading={saving} disabled={locked || empty}>
          Save version
        </Button>
        <Button
          variant="default"
          onClick={onRegenerate}
          loading={regenerating}
          disabled={locked || !canRegenerate}
          title={canRegenerate ? 'Draft again into a new version' : 'This document has no job posting to draft against'}
        >
          Regenerate
        </Button>
      </Group>
      <ExportButtons documentId={documentId} prepare={prepareExport} disabled={locked || empty} />
    </Group>
  );
}
