import { ActionIcon, Badge, Group, Select, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { TrashIcon } from '../../../components/icons';
import { FIELD_KEYS, describeSource, entryLabel, type EditableEntry, type EntrySection } from './record-model';

export interface MoveTarget {
  value: string;
  label: string;
}

interface Props {
  entry: EditableEntry;
  editing: boolean;
  targets: MoveTarget[];
  onChange: (entry: EditableEntry) => void;
  onMoveBullet: (index: number, to: string) => void;
  onDelete: () => void;
}

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD; empty = not stated (or still going on, for the end)';

function text(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : '';
}

function dates(entry: EditableEntry): string {
  const start = text(entry.fields.startDate);
  const end = text(entry.fields.endDate);
  if (!start && !end) return 'No dates in the source';
  return `${start || '?'} – ${end || (start ? 'present' : '?')}`;
}

function fieldValue(section: EntrySection, key: string, value: string): unknown {
  if (section === 'projects' && key === 'roles') return value.trim() ? [value.trim()] : undefined;
  return value.trim() ? value : undefined;
}

/** One entry of the record with its bullets and where each came from; in edit mode its fields and bullets can be corrected. */
export function EntryCard({ entry, editing, targets, onChange, onMoveBullet, onDelete }: Props) {
  const keys = FIELD_KEYS[entry.section];
  const label = entryLabel(entry);
  const setField = (key: string, value: string) => {
    const next = fieldValue(entry.section, key, value);
    const fields = Object.fromEntries(
      Object.entries({ ...entry.fields, [key]: next }).filter(([, v]) => v !== undefined),
    );
    onChange({ ...entry, fields });
  };
  const setBullet = (index: number, value: string) =>
    onChange({ ...entry, bullets: entry.bullets.map((b, i) => (i === index ? { ...b, text: value } : b)) });
  const deleteBullet = (index: number) => onChange({ ...entry, bullets: entry.bullets.filter((_, i) => i !== index) });

  return (
    <Stack gap={6} component="section" aria-label={label} data-testid="record-entry">
      {editing ? (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={entry.section === 'education' ? 'Degree' : 'Title'}
            value={text(entry.fields[keys.title])}
            onChange={(e) => setField(keys.title, e.currentTarget.value)}
            style={{ flex: 2, minWidth: 160 }}
          />
          {entry.section === 'education' && (
            <TextInput
              label="Field of study"
              value={text(entry.fields.area)}
              onChange={(e) => setField('area', e.currentTarget.value)}
              style={{ flex: 2, minWidth: 160 }}
            />
          )}
          <TextInput
            label={entry.section === 'education' ? 'School' : entry.section === 'projects' ? 'Project' : 'Organisation'}
            value={text(entry.fields[keys.organisation])}
            onChange={(e) => setField(keys.organisation, e.currentTarget.value)}
            style={{ flex: 2, minWidth: 160 }}
          />
          <TextInput
            label="Start"
            title={DATE_HINT}
            value={text(entry.fields.startDate)}
            onChange={(e) => setField('startDate', e.currentTarget.value)}
            w={110}
          />
          <TextInput
            label="End"
            title={DATE_HINT}
            value={text(entry.fields.endDate)}
            onChange={(e) => setField('endDate', e.currentTarget.value)}
            w={110}
          />
          <Tooltip label="Delete this entry and its bullets">
            <ActionIcon variant="subtle" color="red" aria-label={`Delete entry ${label}`} onClick={onDelete} mb={4}>
              <TrashIcon />
            </ActionIcon>
          </Tooltip>
        </Group>
      ) : (
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600}>{label}</Text>
            <Text size="sm" c="dimmed">
              {dates(entry)}
              {text(entry.fields.location) ? ` · ${text(entry.fields.location)}` : ''}
            </Text>
          </Stack>
          <Badge variant="outline" color="gray" tt="none" title="Where the title was read">
            {describeSource(entry.fieldSources[keys.title] ?? entry.fieldSources[keys.organisation])}
          </Badge>
        </Group>
      )}
      {entry.bullets.length === 0 && (
        <Text size="xs" c="dimmed">
          No bullets under this entry.
        </Text>
      )}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', paddingLeft: 12, margin: 0 }}>
        {entry.bullets.map((bullet, index) => (
          <li key={index} data-testid="record-bullet">
            {editing ? (
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <Textarea
                  aria-label={`Bullet ${index + 1} of ${label}`}
                  value={bullet.text}
                  autosize
                  minRows={1}
                  onChange={(e) => setBullet(index, e.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <Select
                  aria-label={`Move bullet ${index + 1} of ${label} to`}
                  placeholder="Move to…"
                  data={targets.filter((t) => t.value !== entry.key)}
                  value={null}
                  onChange={(to) => to && onMoveBullet(index, to)}
                  w={200}
                  comboboxProps={{ withinPortal: true }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Delete bullet ${index + 1} of ${label}`}
                  onClick={() => deleteBullet(index)}
                  mt={6}
                >
                  <TrashIcon />
                </ActionIcon>
              </Group>
            ) : (
              <Group gap="xs" wrap="nowrap" align="baseline" justify="space-between">
                <Text size="sm">• {bullet.text}</Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {describeSource(bullet.source)}
                </Text>
              </Group>
            )}
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
