import type { ProviderConfigDto, ProviderHealthDto } from '@contract';
import { formatInteger, formatUsd } from '../../lib/format';

export interface BudgetLine {
  /** "Today", "This month", "Month cost". */
  label: string;
  /** "today’s token budget", for sentences. */
  phrase: string;
  used: number;
  limit: number | null;
  /** used / limit, or null without a limit. */
  ratio: number | null;
  /** "810 tokens" / "$1.20". */
  usedText: string;
  limitText: string | null;
  /** For tight cells: "810 / 1,000 tokens", "$1.20 / $25.00", "810 tokens · no limit". */
  shortText: string;
}

type Unit = 'tokens' | 'usd';

function line(label: string, phrase: string, used: number, limit: number | null, unit: Unit): BudgetLine {
  const fmt = unit === 'usd' ? formatUsd : (n: number) => `${formatInteger(n)} tokens`;
  const bare = unit === 'usd' ? formatUsd : formatInteger;
  return {
    label,
    phrase,
    used,
    limit,
    ratio: limit ? used / limit : null,
    usedText: fmt(used),
    limitText: limit === null ? null : fmt(limit),
    shortText: limit === null ? `${fmt(used)} · no limit` : `${bare(used)} / ${fmt(limit)}`,
  };
}

/**
 * What a config used today and this month (`providers:health`, from the usage rollups, limit or not), each
 * against its limit where one is set; the month's cost where there is a cost limit or the model is priced.
 */
export function budgetLines(config: ProviderConfigDto, health: ProviderHealthDto | undefined): BudgetLine[] {
  const lines = [
    line('Today', 'today’s token budget', health?.dayTokens ?? 0, config.dailyTokenLimit, 'tokens'),
    line('This month', 'this month’s token budget', health?.monthTokens ?? 0, config.monthlyTokenLimit, 'tokens'),
  ];
  if (config.monthlyCostLimitUsd !== null || health?.priced)
    lines.push(
      line('Month cost', 'this month’s cost budget', health?.monthCostUsd ?? 0, config.monthlyCostLimitUsd, 'usd'),
    );
  return lines;
}

export const BUDGET_WARN = 0.8;

export function budgetColor(ratio: number | null): string {
  if (ratio === null) return 'gray';
  if (ratio >= 1) return 'red';
  if (ratio >= BUDGET_WARN) return 'yellow';
  return 'teal';
}
