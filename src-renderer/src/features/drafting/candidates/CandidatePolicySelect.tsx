import { Select } from '@mantine/core';
import { useState } from 'react';
import { DATA_POLICIES, type DataPolicy } from '@contract';
import { useCall } from '../../../lib/use-call';
import { call, errorMessage } from '../../../lib/ipc';

const POLICY_LABELS: Record<DataPolicy, string> = {
  any: 'Any provider region',
  eu: 'EU only (EU and local providers)',
  local: 'Local only (keep this candidate on this machine or network)',
};

/** Which provider regions may receive this candidate's data; drafting is refused when none is allowed. */
export function CandidatePolicySelect({ candidateId }: { candidateId: string }) {
  const policies = useCall('policies:list', {});
  const [error, setError] = useState<string | null>(null);
  const stored = policies.data?.find((p) => p.scope === 'candidate' && p.target === candidateId)?.allow ?? 'any';
  return (
    <Select
      label="Data policy"
      description="Where this candidate’s data may be sent; nothing goes elsewhere"
      data={DATA_POLICIES.map((p) => ({ value: p, label: POLICY_LABELS[p] }))}
      value={stored}
      allowDeselect={false}
      disabled={policies.data === null}
      error={error ?? policies.error}
      onChange={(value) => {
        if (!value) return;
        setError(null);
        call('policies:set-candidate', { candidateId, allow: value as DataPolicy }).then(
          () => policies.reload(),
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    />
  );
}
