import type { CandidateDto } from '@contract';
import { SelectableList } from '../shared/SelectableList';

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
    <SelectableList
      label="Candidates"
      emptyText="No candidates yet."
      maxHeight={480}
      singleLineDescriptions
      selectedId={selectedId}
      onSelect={onSelect}
      entries={candidates.map((c) => ({
        id: c.id,
        label: c.name,
        description: c.profile.headline ?? c.email ?? c.sourceFileName ?? c.sourceKind,
      }))}
    />
  );
}
