import { Badge, Group } from '@mantine/core';

/** A field's label, with "edited by hand" when the recruiter changed it (extraction asks before replacing it). */
export function FieldLabel({ text, edited }: { text: string; edited: boolean }) {
  if (!edited) return text;
  return (
    <Group component="span" gap={6} display="inline-flex" wrap="nowrap">
      {text}
      <Badge component="span" size="xs" variant="light" color="grape" tt="none">
        edited by hand
      </Badge>
    </Group>
  );
}
