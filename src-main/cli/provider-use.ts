import type { ProviderConfigDto, ProviderHealthDto } from '@contract';
import { formatInteger, formatUsd } from '@shared/display-format';

/** `providers list --json`: each config with what it used today and this month (`providers:health`). */
export interface ProviderWithUse extends ProviderConfigDto {
  use: {
    dayTokens: number;
    monthTokens: number;
    dayCostUsd: number;
    monthCostUsd: number;
    /** False: the model has no price, its cost is unknown (the cost figures count priced calls only). */
    priced: boolean;
  };
}

const NO_USE = { dayTokens: 0, monthTokens: 0, dayCostUsd: 0, monthCostUsd: 0, priced: false };

export function withUse(config: ProviderConfigDto, health: readonly ProviderHealthDto[]): ProviderWithUse {
  const h = health.find((x) => x.name === config.name);
  const use = h
    ? {
        dayTokens: h.dayTokens,
        monthTokens: h.monthTokens,
        dayCostUsd: h.dayCostUsd,
        monthCostUsd: h.monthCostUsd,
        priced: h.priced,
      }
    : NO_USE;
  return { ...config, use };
}

const against = (used: string, limit: string | null): string => (limit === null ? used : `${used} / ${limit}`);

/** The TODAY, MONTH and COST cells: tokens used (against the limit where one is set), the month's cost. */
export function useCells(p: ProviderWithUse): string[] {
  const limit = (n: number | null) => (n === null ? null : formatInteger(n));
  const cost =
    p.use.priced || p.use.monthCostUsd > 0 || p.monthlyCostLimitUsd !== null
      ? against(formatUsd(p.use.monthCostUsd), p.monthlyCostLimitUsd === null ? null : formatUsd(p.monthlyCostLimitUsd))
      : 'unpriced';
  return [
    against(formatInteger(p.use.dayTokens), limit(p.dailyTokenLimit)),
    against(formatInteger(p.use.monthTokens), limit(p.monthlyTokenLimit)),
    cost,
  ];
}
