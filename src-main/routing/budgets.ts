import type { Statement, Transaction } from 'better-sqlite3';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { dayKey, monthKey, nextLocalMidnight, nextMonthStart } from '../usage/periods';

export interface BudgetLimits {
  dailyTokenLimit: number | null;
  monthlyTokenLimit: number | null;
  monthlyCostLimitMicros: number | null;
}

export interface Reservation {
  id: number;
  configId: string;
  tokens: number;
  costMicros: number;
  dayKey: string;
  monthKey: string;
}

export type LimitName = 'daily_tokens' | 'monthly_tokens' | 'monthly_cost';

export interface BudgetDenial {
  limit: LimitName;
  used: number;
  max: number;
  resetsAt: number;
}

export const hasLimits = (l: BudgetLimits): boolean =>
  l.dailyTokenLimit !== null || l.monthlyTokenLimit !== null || l.monthlyCostLimitMicros !== null;

/**
 * Token and cost budgets per config. A call reserves its worst case (input estimate + max output) in one
 * immediate transaction, then settles to the real usage or releases on failure; running counters per
 * period are updated in the same transactions, so concurrent calls can never overshoot a limit.
 */
export class Budgets {
  private readonly readCounter: Statement;
  private readonly addCounter: Statement;
  private readonly insertLedger: Statement;
  private readonly closeLedger: Statement;
  /** Built once: `immediate()` builds a new transaction wrapper per call, a few µs on every provider call. */
  private readonly reserveTxn: Transaction<Budgets['reserveNow']>;

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
  ) {
    const { sqlite } = store;
    this.readCounter = sqlite.prepare(
      'SELECT tokens, cost_micros AS costMicros FROM budget_counters WHERE config_id = ? AND period_key = ?',
    );
    this.addCounter = sqlite.prepare(`
      INSERT INTO budget_counters (config_id, period_key, tokens, cost_micros) VALUES (?, ?, ?, ?)
      ON CONFLICT (config_id, period_key) DO UPDATE SET tokens = tokens + excluded.tokens,
        cost_micros = cost_micros + excluded.cost_micros`);
    this.insertLedger = sqlite.prepare(`
      INSERT INTO budget_ledger (config_id, request_id, day_key, month_key, state, reserved_tokens, reserved_cost_micros, created_at)
      VALUES (?, ?, ?, ?, 'reserved', ?, ?, ?)`);
    this.closeLedger = sqlite.prepare(`
      UPDATE budget_ledger SET state = ?, used_tokens = ?, used_cost_micros = ?, settled_at = ?
      WHERE id = ? AND state = 'reserved'`);
    this.reserveTxn = sqlite.transaction(this.reserveNow.bind(this));
  }

  private counter(configId: string, key: string): { tokens: number; costMicros: number } {
    return (
      (this.readCounter.get(configId, key) as { tokens: number; costMicros: number } | undefined) ?? {
        tokens: 0,
        costMicros: 0,
      }
    );
  }

  /** Used (settled + reserved) so far this local day and month. */
  usage(configId: string, now = this.clock.now()): { dayTokens: number; monthTokens: number; monthCostMicros: number } {
    const day = this.counter(configId, `d:${dayKey(now)}`);
    const month = this.counter(configId, `m:${monthKey(now)}`);
    return { dayTokens: day.tokens, monthTokens: month.tokens, monthCostMicros: month.costMicros };
  }

  /** One immediate transaction: checks every limit and, if all fit, reserves on the counters and the ledger. */
  reserve(
    configId: string,
    limits: BudgetLimits,
    requestId: string,
    tokens: number,
    costMicros: number,
  ): Reservation | BudgetDenial {
    return this.reserveTxn.immediate(configId, limits, requestId, tokens, costMicros);
  }

  private reserveNow(
    configId: string,
    limits: BudgetLimits,
    requestId: string,
    tokens: number,
    costMicros: number,
  ): Reservation | BudgetDenial {
    const now = this.clock.now();
    const d = dayKey(now);
    const m = monthKey(now);
    const day = this.counter(configId, `d:${d}`);
    const month = this.counter(configId, `m:${m}`);
    const checks: [LimitName, number | null, number, number, number][] = [
      ['daily_tokens', limits.dailyTokenLimit, day.tokens, tokens, nextLocalMidnight(now)],
      ['monthly_tokens', limits.monthlyTokenLimit, month.tokens, tokens, nextMonthStart(now)],
      ['monthly_cost', limits.monthlyCostLimitMicros, month.costMicros, costMicros, nextMonthStart(now)],
    ];
    for (const [limit, max, used, adding, resetsAt] of checks)
      if (max !== null && used + adding > max) return { limit, used, max, resetsAt };
    this.addCounter.run(configId, `d:${d}`, tokens, costMicros);
    this.addCounter.run(configId, `m:${m}`, tokens, costMicros);
    const id = Number(this.insertLedger.run(configId, requestId, d, m, tokens, costMicros, now).lastInsertRowid);
    return { id, configId, tokens, costMicros, dayKey: d, monthKey: m };
  }

  /** Call inside the usage event's transaction: the counters move from the reservation to the real usage. */
  settle(r: Reservation, usedTokens: number, usedCostMicros: number): void {
    const changed = this.closeLedger.run('settled', usedTokens, usedCostMicros, this.clock.now(), r.id).changes;
    if (changed === 0) return;
    this.adjust(r, usedTokens - r.tokens, usedCostMicros - r.costMicros);
  }

  release(r: Reservation): void {
    immediate(this.store.sqlite, () => this.releaseInTransaction(r));
  }

  /** `release` for a caller already inside a transaction (the usage event's). */
  releaseInTransaction(r: Reservation): void {
    const changed = this.closeLedger.run('released', 0, 0, this.clock.now(), r.id).changes;
    if (changed > 0) this.adjust(r, -r.tokens, -r.costMicros);
  }

  private adjust(r: Reservation, tokens: number, cost: number): void {
    this.addCounter.run(r.configId, `d:${r.dayKey}`, tokens, cost);
    this.addCounter.run(r.configId, `m:${r.monthKey}`, tokens, cost);
  }

  /** Reservations left open by a process that died: released at start-up once older than `olderThanMs`. */
  releaseStale(olderThanMs: number): number {
    const rows = this.store.sqlite
      .prepare(
        `SELECT id, config_id AS configId, reserved_tokens AS tokens, reserved_cost_micros AS costMicros,
          day_key AS dayKey, month_key AS monthKey FROM budget_ledger WHERE state = 'reserved' AND created_at < ?`,
      )
      .all(this.clock.now() - olderThanMs) as Reservation[];
    for (const r of rows) this.release(r);
    return rows.length;
  }

  outstandingReservations(): number {
    return (
      this.store.sqlite.prepare("SELECT count(*) AS n FROM budget_ledger WHERE state = 'reserved'").get() as {
        n: number;
      }
    ).n;
  }
}
