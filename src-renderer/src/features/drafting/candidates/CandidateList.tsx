import type { CandidateDto } from '@contract';
import { SelectableList } from '../shared/SelectableList';
import { candidateDetails } from './candidate-details';

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
  const details = candidateDetails(candidates);
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
        description: details.get(c.id) ?? '',
      }))}
    />
  );
}
