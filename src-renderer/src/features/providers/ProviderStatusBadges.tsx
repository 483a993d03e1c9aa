import { Badge, Group } from '@mantine/core';
import type { ProviderConfigDto, ProviderHealthDto } from '@contract';

/** Active/Inactive, Default, Key invalid, No key, circuit state. */
export function ProviderStatusBadges({
  config,
  health,
}: {
  config: ProviderConfigDto;
  health: ProviderHealthDto | undefined;
}) {
  return (
    <Group gap={4}>
      <Badge color={config.active ? 'green' : 'gray'} variant={config.active ? 'light' : 'outline'}>
        {config.active ? 'Active' : 'Inactive'}
      </Badge>
      {config.isDefault && <Badge color="indigo">Default</Badge>}
      {config.keyInvalid && <Badge color="red">Key invalid</Badge>}
      {!config.hasKey && config.kind !== 'openai-compatible' && (
        <Badge color="gray" variant="outline">
          No key
        </Badge>
      )}
      {health?.circuit === 'open' && <Badge color="red">Circuit open</Badge>}
      {health?.circuit === 'half_open' && <Badge color="yellow">Circuit half-open</Badge>}
    </Group>
  );
}
