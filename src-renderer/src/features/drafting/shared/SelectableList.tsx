import { NavLink, Paper, ScrollArea, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';

export interface SelectableEntry {
  id: string;
  label: string;
  description: string;
  /** Shown at the row's end; NavLink keeps an (empty) right section for null, none for undefined. */
  rightSection?: ReactNode;
}

const SINGLE_LINE = { description: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } } as const;

/** A stored-items navigation list (candidates, postings): the selected entry is the current one. */
export function SelectableList({
  label,
  entries,
  selectedId,
  onSelect,
  emptyText,
  maxHeight,
  singleLineDescriptions = false,
  searchLabel,
}: {
  /** The navigation landmark's name. */
  label: string;
  entries: SelectableEntry[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  emptyText: string;
  maxHeight: number;
  singleLineDescriptions?: boolean;
  /** Shows a filter box (matching label and description) with this accessible name. */
  searchLabel?: string;
}) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLocaleLowerCase();
  const shown = needle
    ? entries.filter((e) => `${e.label} ${e.description}`.toLocaleLowerCase().includes(needle))
    : entries;
  return (
    <Paper withBorder p={4} component="nav" aria-label={label}>
      {searchLabel && entries.length > 0 && (
        <TextInput
          size="xs"
          p={4}
          type="search"
          placeholder={searchLabel}
          aria-label={searchLabel}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
      )}
      <ScrollArea.Autosize mah={maxHeight}>
        {entries.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {emptyText}
          </Text>
        )}
        {entries.length > 0 && shown.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            Nothing matches “{query.trim()}”.
          </Text>
        )}
        {shown.map((entry) => (
          <NavLink
            key={entry.id}
            component="button"
            label={entry.label}
            description={entry.description}
            active={entry.id === selectedId}
            aria-current={entry.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(entry.id)}
            rightSection={entry.rightSection}
            styles={singleLineDescriptions ? SINGLE_LINE : undefined}
          />
        ))}
      </ScrollArea.Autosize>
    </Paper>
  );
}
