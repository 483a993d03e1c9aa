import { Badge, Group, Tooltip } from '@mantine/core';
import type { ProviderConfigDto, ProviderHealthDto } from '@contract';

/**
 * Active/Inactive, Default, Key invalid, Needs a key (none stored, e.g. imported without keys), circuit state. The router never uses an inactive config, so an
 * inactive default is shown as such, dimmed: another provider goes first.
 */
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
      {config.isDefault && config.active && <Badge color="indigo">Default</Badge>}
      {config.isDefault && !config.active && (
        <Tooltip label="Inactive: requests go to the active providers, by priority, until it is active again" withArrow>
          <Badge color="gray" variant="outline" opacity={0.7}>
            Default (inactive)
          </Badge>
        </Tooltip>
      )}
      {config.keyInvalid && <Badge color="red">Key invalid</Badge>}
      {!config.hasKey && config.kind !== 'openai-compatible' && (
        <Tooltip label="No API key stored: requests skip this provider until you add one (Edit → API key)" withArrow>
          <Badge color="orange" variant="outline">
            Needs a key
          </Badge>
        </Tooltip>
      )}
      {health?.circuit === 'open' && <Badge color="red">Circuit open</Badge>}
      {health?.circuit === 'half_open' && <Badge color="yellow">Circuit half-open</Badge>}
    </Group>
  );
}
