import { formatInteger, formatUsd } from './display-format';

/** Use against one quota, as the contract carries it (`limit` null: no quota). */
export interface QuotaUseValue {
  used: number;
  limit: number | null;
  percent: number | null;
}

/** "1,801 / 3,000 (60%)", or just the use when there is no quota: the CLI and the Usage page say it the same way. */
export function formatQuotaUse(q: QuotaUseValue, kind: 'tokens' | 'usd'): string {
  const format = kind === 'usd' ? formatUsd : formatInteger;
  if (q.limit === null) return format(q.used);
  return `${format(q.used)} / ${format(q.limit)} (${q.percent ?? 0}%)`;
}
