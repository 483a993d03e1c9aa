import { Badge, Tooltip } from '@mantine/core';
import type { ProviderConfigDto } from '@contract';
import { providerCondition } from './provider-condition';
import { useProviderHealth } from './use-provider-health';

/**
 * "Offline — built-in drafter" when no AI provider is routed to the task(s), otherwise the provider that is tried
 * first, coloured by its health (down, recovering, failing). `providers` is null while the list loads (nothing
 * is shown).
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
  const health = useProviderHealth();
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
  const condition = providerCondition(
    first,
    health?.find((h) => h.name === first.name),
    providers[1],
  );
  return (
    <Tooltip label={`${what}: ${condition.explanation}${more ? ` Fallbacks: ${providers.length - 1}.` : ''}`} withArrow>
      <Badge color={condition.color} variant="light" size="lg" data-testid="provider-mode-badge">
        AI: {first.name}
        {condition.word && ` · ${condition.word}`}
        {more}
      </Badge>
    </Tooltip>
  );
}
