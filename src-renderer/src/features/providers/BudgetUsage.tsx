import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ProviderConfigDto, ProviderHealthDto } from '@contract';
import { budgetColor, budgetLines } from './budget';

/** What a provider used today and this month: against its limits as progress bars, or the plain count where there is none. */
export function BudgetUsage({ config, health }: { config: ProviderConfigDto; health: ProviderHealthDto | undefined }) {
  return (
    <Stack gap={6} miw={230}>
      {budgetLines(config, health).map((line) => (
        <Stack gap={2} key={line.label}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" fw={500} style={{ whiteSpace: 'nowrap' }}>
              {line.label}
            </Text>
            <Text size="xs" c="dimmed" ta="right" style={{ whiteSpace: 'nowrap' }}>
              {line.shortText}
            </Text>
          </Group>
          {line.ratio !== null && (
            <Progress
              value={Math.min(100, line.ratio * 100)}
              color={budgetColor(line.ratio)}
              size="sm"
              aria-label={`${config.name}: ${line.phrase} ${Math.round(line.ratio * 100)}% used`}
            />
          )}
        </Stack>
      ))}
    </Stack>
  );
}
