import type { Statement } from 'better-sqlite3';
import type { DatabaseHandle } from '../../db/client';
import { OtherWriters } from '../../db/other-writers';
import type { ProviderConfigRow } from '../../providers/config-service';
import { costMicros, type PricingService } from '../../usage/pricing';
import type { UsageEvent } from '../../usage/usage-event';
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
  createdAt: number;
}

/** The statistics without the price (applied at read time: a price set later counts at once). */
interface Summary {
  samples: number;
  ok: number;
  p50LatencyMs: number | null;
  meanTokens: { inputTokens: number; outputTokens: number; cachedInputTokens: number } | null;
}

/** One provider's and task's last committed calls, oldest first, with the summary of those in the window. */
interface Recent {
  events: EventRow[];
  /** The window's start when they were read: nothing older was read. */
  readFrom: number;
  summary: Summary | null;
  /** The summary holds while the window starts at or before this (its oldest event is still in it)… */
  windowStartAtMost: number;
  /** …and at or after this (no older event left out of it comes back in). */
  windowStartAtLeast: number;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

function summarise(events: EventRow[]): Summary {
  const ok = events.filter((e) => e.status === 'ok');
  return {
    samples: events.length,
    ok: ok.length,
    p50LatencyMs: median(ok.map((e) => e.latencyMs).sort((a, b) => a - b)),
    meanTokens:
      ok.length === 0
        ? null
        : {
            inputTokens: mean(ok.map((e) => e.inputTokens)),
            outputTokens: mean(ok.map((e) => e.outputTokens)),
            cachedInputTokens: mean(ok.map((e) => e.cachedInputTokens)),
          },
  };
}

/**
 * Sliding-window statistics per provider config and task (committed events only). Every routed call under
 * a strategy reads them for each candidate, so they are kept in memory: the last ROUTING_POLICY.maxCalls
 * events per task and config are read once, then this process's commits are added as they happen
 * (`committed`); another process's writes to the database, or a commit this process cannot vouch for
 * (`forget`), make them read again.
 */
export class ProviderStatsReader {
  private readonly recentQuery: Statement<[number, string, string, number]>;
  private readonly otherWriters: OtherWriters;
  private readonly recent = new Map<string, Recent>();
  private stamp = -1;

  // Newest first along usage_events_created_at (id is the rowid, its tie-break): stops at the last 100 calls.
  constructor(
    store: DatabaseHandle,
    private readonly pricing: PricingService,
  ) {
    this.recentQuery = store.sqlite.prepare(
      `SELECT status, latency_ms AS latencyMs, input_tokens AS inputTokens, output_tokens AS outputTokens,
         cached_input_tokens AS cachedInputTokens, created_at AS createdAt
       FROM usage_events WHERE created_at >= ? AND task = ? AND config_id = ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    );
    this.otherWriters = OtherWriters.of(store);
  }

  read(task: string, row: ProviderConfigRow, now: number): ProviderStats {
    const summary = this.summaryOf(task, row.id, now);
    const price = this.pricing.priceFor(row.model);
    return {
      samples: summary.samples,
      successRate: summary.samples === 0 ? null : summary.ok / summary.samples,
      p50LatencyMs: summary.p50LatencyMs,
      expectedCostMicros: price && summary.meanTokens ? costMicros(price, summary.meanTokens) : null,
    };
  }

  /** Events this process has just committed (in commit order). */
  committed(events: readonly UsageEvent[]): void {
    for (const e of events) {
      if (e.configId === null) continue;
      const recent = this.recent.get(keyOf(e.task, e.configId));
      if (!recent) continue;
      const list = recent.events;
      // After every event of the same or an earlier time: the query's order (created_at, then id).
      let at = list.length;
      while (at > 0 && list[at - 1]!.createdAt > e.createdAt) at--;
      list.splice(at, 0, {
        status: e.status,
        latencyMs: e.latencyMs,
        inputTokens: e.inputTokens,
        outputTokens: e.outputTokens,
        cachedInputTokens: e.cachedInputTokens,
        createdAt: e.createdAt,
      });
      if (list.length > ROUTING_POLICY.maxCalls) list.splice(0, list.length - ROUTING_POLICY.maxCalls);
      recent.summary = null;
    }
  }

  /** Everything is read again from the database on next use. */
  forget(): void {
    this.recent.clear();
  }

  private summaryOf(task: string, configId: string, now: number): Summary {
    const stamp = this.otherWriters.stamp();
    if (stamp !== this.stamp) {
      this.recent.clear();
      this.stamp = stamp;
    }
    const windowStart = now - ROUTING_POLICY.windowMs;
    const key = keyOf(task, configId);
    let recent = this.recent.get(key);
    // A clock set back moves the window back: what was not read then is read now.
    if (!recent || windowStart < recent.readFrom) {
      const rows = this.recentQuery.all(windowStart, task, configId, ROUTING_POLICY.maxCalls) as EventRow[];
      recent = {
        events: rows.reverse(),
        readFrom: windowStart,
        summary: null,
        windowStartAtMost: 0,
        windowStartAtLeast: 0,
      };
      this.recent.set(key, recent);
    }
    if (recent.summary && windowStart <= recent.windowStartAtMost && windowStart >= recent.windowStartAtLeast)
      return recent.summary;
    const inWindow = recent.events.filter((e) => e.createdAt >= windowStart);
    const outside = recent.events.filter((e) => e.createdAt < windowStart);
    recent.summary = summarise(inWindow);
    recent.windowStartAtMost = inWindow[0]?.createdAt ?? Number.POSITIVE_INFINITY;
    recent.windowStartAtLeast =
      outside.length === 0 ? Number.NEGATIVE_INFINITY : outside[outside.length - 1]!.createdAt + 1;
    return recent.summary;
  }
}

const keyOf = (task: string, configId: string): string => `${task}\u0000${configId}`;
