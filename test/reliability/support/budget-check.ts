import type { Sqlite } from '../../../src-main/db/client';
import { dayKey } from '../../../src-main/usage/periods';

export interface LedgerMismatch {
  configId: string;
  day: string;
  rollup: { tokens: number; costMicros: number };
  settled: { tokens: number; costMicros: number };
}

/**
 * With nothing reserved any more, what the budgets count per config and local day (the daily usage rollups)
 * must equal what the closed ledger rows of the configs with limits say their calls used: each settlement
 * went into the rollups with its event, and reservations released on failure leave nothing behind.
 */
export function ledgerMismatches(sqlite: Sqlite): LedgerMismatch[] {
  type Sum = { configId: string; day: string; tokens: number; costMicros: number };
  const settled = sqlite
    .prepare(
      `SELECT config_id AS configId, day_key AS day, sum(used_tokens) AS tokens, sum(used_cost_micros) AS costMicros
       FROM budget_ledger WHERE state IN ('settled', 'released') GROUP BY config_id, day_key`,
    )
    .all() as Sum[];
  const configs = new Set(settled.map((s) => s.configId));
  const rollups = (
    sqlite
      .prepare(
        `SELECT config_id AS configId, bucket_start AS start, sum(input_tokens + output_tokens) AS tokens,
           sum(cost_micros) AS costMicros
         FROM usage_daily GROUP BY config_id, bucket_start`,
      )
      .all() as { configId: string; start: number; tokens: number; costMicros: number }[]
  )
    .filter((r) => configs.has(r.configId))
    .map((r): Sum => ({ configId: r.configId, day: dayKey(r.start), tokens: r.tokens, costMicros: r.costMicros }));
  const key = (s: Sum) => `${s.configId} ${s.day}`;
  const zero = { tokens: 0, costMicros: 0 };
  const byKey = new Map<string, LedgerMismatch>();
  for (const s of settled)
    byKey.set(key(s), {
      configId: s.configId,
      day: s.day,
      rollup: zero,
      settled: { tokens: s.tokens, costMicros: s.costMicros },
    });
  for (const r of rollups) {
    const entry = byKey.get(key(r)) ?? { configId: r.configId, day: r.day, rollup: zero, settled: zero };
    byKey.set(key(r), { ...entry, rollup: { tokens: r.tokens, costMicros: r.costMicros } });
  }
  return [...byKey.values()].filter(
    (m) => m.rollup.tokens !== m.settled.tokens || m.rollup.costMicros !== m.settled.costMicros,
  );
}
