import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from '../../db/client';
import type { ProviderConfigRow } from '../../providers/config-service';
import { costMicros, type PricingService } from '../../usage/pricing';
import { ROUTING_POLICY } from './policy';

/** A provider's recent record for one task, read from the usage ledger. */
export interface ProviderStats {
  samples: number;
  successRate: number | null;
  p50LatencyMs: number | null;
  /** Expected micro-dollars per call: the config model's price applied to its mean recent token counts. */
  expectedCostMicros: number | null;
}

interface EventRow {
  status: 'ok' | 'error';
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

/** Sliding-window statistics per provider config and task (committed events only). */
export class ProviderStatsReader {
  private readonly recent: Statement<[number, string, string, number]>;

  // Newest first along usage_events_created_at (id is the rowid, its tie-break): stops at the last 100 calls.
  constructor(
    store: DatabaseHandle,
    private readonly pricing: PricingService,
  ) {
    this.recent = store.sqlite.prepare(
      `SELECT status, latency_ms AS latencyMs, input_tokens AS inputTokens, output_tokens AS outputTokens,
         cached_input_tokens AS cachedInputTokens
       FROM usage_events WHERE created_at >= ? AND task = ? AND config_id = ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    );
  }

  read(task: string, row: ProviderConfigRow, now: number): ProviderStats {
    const events = this.recent.all(now - ROUTING_POLICY.windowMs, task, row.id, ROUTING_POLICY.maxCalls) as EventRow[];
    const ok = events.filter((e) => e.status === 'ok');
    const price = this.pricing.priceFor(row.model);
    return {
      samples: events.length,
      successRate: events.length === 0 ? null : ok.length / events.length,
      p50LatencyMs: median(ok.map((e) => e.latencyMs).sort((a, b) => a - b)),
      expectedCostMicros:
        price && ok.length > 0
          ? costMicros(price, {
              inputTokens: mean(ok.map((e) => e.inputTokens)),
              outputTokens: mean(ok.map((e) => e.outputTokens)),
              cachedInputTokens: mean(ok.map((e) => e.cachedInputTokens)),
            })
          : null,
    };
  }
}
