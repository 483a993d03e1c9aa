import { Card, Stack, Title } from '@mantine/core';
import { DraftEditor } from './DraftEditor';
import { KIND_TITLE, type LiveDraft } from './live-draft';
import { StreamingStatus } from './StreamingStatus';

/** A new document while it streams in (it is stored, with its id, when the answer completes). */
export function LiveDraftView({
  live,
  candidateName,
  stopping,
  onStop,
}: {
  live: LiveDraft;
  candidateName: string | null;
  stopping: boolean;
  onStop: () => void;
}) {
  const title = `New ${KIND_TITLE[live.kind]}${candidateName ? ` for ${candidateName}` : ''}`;
  return (
    <Card withBorder padding="lg" component="section" aria-label={title} aria-busy="true">
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        <StreamingStatus live={live} stopping={stopping} onStop={onStop} />
        <DraftEditor label={`${KIND_TITLE[live.kind]} text`} value={live.text} streaming />
      </Stack>
    </Card>
  );
}
