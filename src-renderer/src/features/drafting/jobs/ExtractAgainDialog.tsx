import { Badge, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { JobFieldName } from '@contract';
import { FIELD_LABELS } from './field-options';

/**
 * Asked before "Extract again" touches fields the recruiter edited by hand (saved or not): keep each edit or let
 * the new extraction replace it, one by one or all at once.
 */
export function ExtractAgainDialog({
  fields,
  unsaved,
  onCancel,
  onConfirm,
}: {
  /** Every field with an edit by hand, saved or not. */
  fields: readonly JobFieldName[];
  unsaved: readonly JobFieldName[];
  onCancel: () => void;
  /** The fields whose edits are kept. */
  onConfirm: (keep: JobFieldName[]) => void;
}) {
  const [keep, setKeep] = useState<string[]>([...fields]);
  const kept = fields.filter((f) => keep.includes(f));
  const all = kept.length === fields.length;
  return (
    <Modal opened onClose={onCancel} title="Extract again over your edits?" size="lg" centered>
      <Stack gap="md">
        <Text size="sm">
          You changed {fields.length === 1 ? 'this field' : 'these fields'} by hand. A new extraction reads the posting
          anew: choose which of your values to keep. Kept fields stay marked as edited by hand.
        </Text>
        <Checkbox.Group label="Keep my value for" value={keep} onChange={setKeep}>
          <Stack gap={6} mt={6}>
            {fields.map((name) => (
              <Checkbox
                key={name}
                value={name}
                label={
                  <Group component="span" gap={6} display="inline-flex">
                    {FIELD_LABELS[name]}
                    {unsaved.includes(name) && (
                      <Badge component="span" size="xs" variant="light" color="orange" tt="none">
                        not saved yet
                      </Badge>
                    )}
                  </Group>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="light" color="red" onClick={() => onConfirm([])}>
            Replace all my edits
          </Button>
          <Button onClick={() => onConfirm(kept)}>
            {all ? 'Keep my edits' : kept.length === 0 ? 'Replace all my edits' : 'Keep the checked, replace the rest'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
