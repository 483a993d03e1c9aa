import { NavLink, Paper, ScrollArea, Text } from '@mantine/core';
import type { CandidateDto } from '../../../../../src-preload/contract';

/** Stored candidates, newest first; the selected one is shown on the right. */
export function CandidateList({
  candidates,
  selectedId,
  onSelect,
}: {
  candidates: CandidateDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <Paper withBorder p={4} component="nav" aria-label="Candidates">
      <ScrollArea.Autosize mah={480}>
        {candidates.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            No candidates yet.
          </Text>
        )}
        {candidates.map((c) => (
          <NavLink
            key={c.id}
            component="button"
            label={c.name}
            description={c.profile.headline ?? c.email ?? c.sourceFileName ?? c.sourceKind}
            active={c.id === selectedId}
            aria-current={c.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(c.id)}
            styles={{ description: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
          />
        ))}
      </ScrollArea.Autosize>
    </Paper>
  );
}
