import { Select } from '@mantine/core';
import { useState } from 'react';
import { DATA_POLICIES, type DataPolicy, type Task } from '@contract';
import { call, errorMessage } from '../../lib/ipc';
import { notifySuccess } from '../../lib/notify';

export const TASK_POLICY_LABELS: Record<DataPolicy, string> = {
  any: 'Any region',
  eu: 'EU only (EU and local providers)',
  local: 'Local only',
};

/** Admin: which provider regions a task may use (a candidate's own policy can only make it stricter). */
export function TaskPolicySelect({
  task,
  taskLabel,
  stored,
  onSaved,
}: {
  task: Task;
  taskLabel: string;
  stored: DataPolicy;
  onSaved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <Select
      aria-label={`Data policy for ${taskLabel}`}
      data={DATA_POLICIES.map((p) => ({ value: p, label: TASK_POLICY_LABELS[p] }))}
      value={stored}
      allowDeselect={false}
      disabled={saving}
      error={error}
      onChange={(value) => {
        const chosen = DATA_POLICIES.find((p) => p === value);
        if (!chosen || chosen === stored) return;
        setError(null);
        setSaving(true);
        call('policies:set-task', { task, allow: chosen })
          .then(
            () => {
              notifySuccess('Data policy saved', `${taskLabel}: ${TASK_POLICY_LABELS[chosen]}`);
              onSaved();
            },
            (err: unknown) => setError(errorMessage(err)),
          )
          .finally(() => setSaving(false));
      }}
    />
  );
}
