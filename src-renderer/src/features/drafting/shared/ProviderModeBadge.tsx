import { Badge, Tooltip } from '@mantine/core';
import type { ProviderConfigDto } from '@contract';

/**
 * "Offline — built-in drafter" when no AI provider is routed to the task(s), otherwise the provider that is tried
 * first. `providers` is null while the list loads (nothing is shown).
 */
export function ProviderModeBadge({
  providers,
  offlineLabel,
  what,
}: {
  providers: ProviderConfigDto[] | null;
  offlineLabel: string;
  what: string;
}) {
  if (providers === null) return null;
  const first = providers[0];
  if (!first)
    return (
      <Tooltip label={`No AI provider is active for ${what}: it works offline`} withArrow>
        <Badge color="orange" variant="light" size="lg" data-testid="offline-mode-badge">
          {offlineLabel}
        </Badge>
      </Tooltip>
    );
  const more = providers.length > 1 ? ` (+${providers.length - 1} fallback)` : '';
  return (
    <Tooltip label={`${what}: ${first.name} (${first.model}) first${more}`} withArrow>
      <Badge color="teal" variant="light" size="lg">
        AI: {first.name}
        {more}
      </Badge>
    </Tooltip>
  );
}
