import type { Sqlite } from '../../../src-main/db/client';

export interface CounterMismatch {
  configId: string;
  periodKey: string;
  counter: { tokens: number; costMicros: number };
  settled: { tokens: number; costMicros: number };
}

/**
 * With nothing reserved any more, each period's running counter must equal what its settled ledger rows
 * used (reservations released on failure leave nothing behind).
 */
export function counterMismatches(sqlite: Sqlite): CounterMismatch[] {
  const counters = sqlite
    .prepare(
      'SELECT config_id AS configId, period_key AS periodKey, tokens, cost_micros AS costMicros FROM budget_counters',
    )
    .all() as { configId: string; periodKey: string; tokens: number; costMicros: number }[];
  const settled = sqlite.prepare(
    `SELECT coalesce(sum(used_tokens), 0) AS tokens, coalesce(sum(used_cost_micros), 0) AS costMicros
     FROM budget_ledger WHERE state = 'settled' AND config_id = ? AND (day_key = ? OR month_key = ?)`,
  );
  const mismatches: CounterMismatch[] = [];
  for (const c of counters) {
    const key = c.periodKey.slice(2);
    const s = settled.get(
      c.configId,
      c.periodKey.startsWith('d:') ? key : null,
      c.periodKey.startsWith('m:') ? key : null,
    ) as {
      tokens: number;
      costMicros: number;
    };
    if (s.tokens !== c.tokens || s.costMicros !== c.costMicros)
      mismatches.push({ configId: c.configId, periodKey: c.periodKey, counter: c, settled: s });
  }
  return mismatches;
}
