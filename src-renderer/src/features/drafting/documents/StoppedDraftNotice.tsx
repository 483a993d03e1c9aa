import { Alert } from '@mantine/core';
import type { DocumentDto } from '@contract';

/** Says the latest version is what streamed before the user pressed Stop: an incomplete draft. */
export function StoppedDraftNotice({ doc }: { doc: DocumentDto }) {
  const latest = doc.versions[0];
  if (latest?.origin !== 'stopped') return null;
  return (
    <Alert color="yellow" variant="light" py="xs" title="Incomplete draft" data-testid="stopped-draft-notice">
      Version {latest.version} is what was written before the generation was stopped: it ends mid-way. Finish it by
      hand, regenerate, or restore an earlier version.
    </Alert>
  );
}
