import type { CandidateDto } from '@contract';
import { formatDay } from '../../../lib/format';
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
      searchLabel="Search candidates"
      selectedId={selectedId}
      onSelect={onSelect}
      entries={candidates.map((c) => ({
        id: c.id,
        label: c.name,
        // Enough to tell two people of the same name (or two imports of one CV) apart.
        description: [c.email, c.sourceFileName ?? c.sourceKind, formatDay(c.createdAt)].filter(Boolean).join(' · '),
      }))}
    />
  );
}
