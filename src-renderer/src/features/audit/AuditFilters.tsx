import { Autocomplete, Button, Group, NumberInput, TextInput } from '@mantine/core';
import { useState } from 'react';

export interface AuditFilter {
  action: string;
  actor: string;
  limit: number;
}

const ACTION_PREFIXES = ['admin.', 'admin.login', 'provider.', 'provider.key', 'price.', 'settings.'];

/** Action prefix, exact actor and row limit; applied on submit (Enter or the button). */
export function AuditFilters({ value, onApply }: { value: AuditFilter; onApply: (f: AuditFilter) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
      aria-label="Audit filters"
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Autocomplete
          label="Action starts with"
          placeholder="e.g. provider."
          data={ACTION_PREFIXES}
          value={draft.action}
          onChange={(action) => setDraft({ ...draft, action })}
          w={200}
        />
        <TextInput
          label="Actor"
          placeholder="e.g. alice@electron"
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
          w={220}
        />
        <NumberInput
          label="Rows"
          min={1}
          max={5000}
          allowDecimal={false}
          value={draft.limit}
          onChange={(v) => setDraft({ ...draft, limit: typeof v === 'number' ? v : 200 })}
          w={100}
        />
        <Button type="submit" variant="default">
          Apply filters
        </Button>
        <Button
          variant="subtle"
          onClick={() => {
            const cleared = { action: '', actor: '', limit: 200 };
            setDraft(cleared);
            onApply(cleared);
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}
