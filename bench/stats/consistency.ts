import type { Core } from '../../src-main/core';
import type { StatsResult } from '../../src-main/usage/stats';

/**
 * Every grouping of one range must report the same totals, equal to a plain scan of the daily rollups
 * (the service adds totals up from the groups instead of scanning twice; this keeps that honest).
 */
export function checkTotals(core: Core, range: { from: number; to: number }, results: StatsResult[]): void {
  const scan = core.store.sqlite
    .prepare(
      `SELECT coalesce(sum(calls), 0) AS calls, coalesce(sum(errors), 0) AS errors,
        coalesce(sum(input_tokens), 0) AS inputTokens, coalesce(sum(cost_micros), 0) AS costMicros
       FROM usage_daily WHERE bucket_start >= ? AND bucket_start < ?`,
    )
    .get(range.from, range.to) as { calls: number; errors: number; inputTokens: number; costMicros: number };
  for (const r of results) {
    const t = r.totals;
    const same =
      t.calls === scan.calls &&
      t.errors === scan.errors &&
      t.inputTokens === scan.inputTokens &&
      Math.round(t.costUsd * 1e6) === scan.costMicros;
    if (!same) throw new Error(`stats totals disagree with the rollups: ${JSON.stringify({ totals: t, scan })}`);
  }
  const first = JSON.stringify(
    results[0]?.totals.errorClasses ?? {},
    Object.keys(results[0]?.totals.errorClasses ?? {}).sort(),
  );
  for (const r of results)
    if (JSON.stringify(r.totals.errorClasses, Object.keys(r.totals.errorClasses).sort()) !== first)
      throw new Error('stats totals: error classes differ between groupings');
}
