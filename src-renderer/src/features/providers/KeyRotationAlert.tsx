import { Alert, List } from '@mantine/core';
import type { ProviderConfigDto } from '@contract';
import { keyAgeDays, keysDueForRotation, KEY_ROTATION_DAYS } from './key-age';

/** Reminder to rotate API keys older than 90 days. */
export function KeyRotationAlert({ configs, now }: { configs: ProviderConfigDto[]; now: number }) {
  const due = keysDueForRotation(configs, now);
  if (due.length === 0) return null;
  return (
    <Alert color="yellow" title={`API keys older than ${KEY_ROTATION_DAYS} days`}>
      Create a new key at the vendor, replace it here (Edit → Replace key), then revoke the old one.
      <List size="sm" mt="xs">
        {due.map((c) => (
          <List.Item key={c.id}>
            {c.name}: key …{c.keyHint ?? ''} set {keyAgeDays(c, now)} days ago
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
