import { Alert, List, Stack } from '@mantine/core';
import type { ProviderConfigDto, ProviderHealthDto } from '@contract';
import { BUDGET_WARN, budgetLines } from './budget';
import { useDesktopBudgetNotices } from './use-desktop-budget-notices';

const AT_LIMIT: Record<ProviderConfigDto['onLimit'], string> = {
  fallback: 'calls go to the next provider',
  error: 'calls fail with a budget error',
  queue: 'calls wait in the queue until the budget resets',
};

interface BudgetAlertLine {
  key: string;
  text: string;
}

function alertLines(configs: ProviderConfigDto[], health: ProviderHealthDto[], full: boolean): BudgetAlertLine[] {
  const lines: BudgetAlertLine[] = [];
  for (const config of configs) {
    const h = health.find((x) => x.name === config.name);
    for (const line of budgetLines(config, h)) {
      if (line.ratio === null) continue;
      const reached = line.ratio >= 1;
      if (full !== reached || line.ratio < BUDGET_WARN) continue;
      const pct = Math.round(line.ratio * 100);
      lines.push({
        key: `${config.id}-${line.label}`,
        text:
          `${config.name}: ${line.phrase} is at ${pct}% (${line.usedText} of ${line.limitText ?? ''})` +
          (reached ? ` — ${AT_LIMIT[config.onLimit]}.` : '.'),
      });
    }
  }
  return lines;
}

/** In-app alerts when a provider has used 80% or 100% of a daily/monthly limit. */
export function BudgetAlerts({ configs, health }: { configs: ProviderConfigDto[]; health: ProviderHealthDto[] }) {
  const reached = alertLines(configs, health, true);
  const near = alertLines(configs, health, false);
  useDesktopBudgetNotices(reached, '100');
  useDesktopBudgetNotices(near, '80');
  if (reached.length === 0 && near.length === 0) return null;
  return (
    <Stack gap="xs">
      {reached.length > 0 && (
        <Alert color="red" title="Budget reached" role="alert">
          <List size="sm">
            {reached.map((l) => (
              <List.Item key={l.key}>{l.text}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {near.length > 0 && (
        <Alert color="yellow" title="Budget at 80% or more">
          <List size="sm">
            {near.map((l) => (
              <List.Item key={l.key}>{l.text}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
