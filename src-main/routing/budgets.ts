import type { Statement, Transaction } from 'better-sqlite3';
import type { BatchPart } from '../usage/usage-log';
import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { configUsageReader, type PeriodUsage } from '../usage/period-usage';
import { dayKey, monthKey, nextLocalMidnight, nextMonthStart } from '../usage/periods';

export interface BudgetLimits {
  dailyTokenLimit: number | null;
  monthlyTokenLimit: number | null;
  /** Users' quotas have one; provider configs do not. */
  dailyCostLimitMicros?: number | null;
  monthlyCostLimitMicros: number | null;
}

/**
 * Whose budgets an instance keeps: provider configs (by id) or users' quotas (by name). Each kind has its own
 * ledger rows (column `subject`) and reads what a subject used from its own rollups.
 */
export interface BudgetSubject {
  kind: 'config' | 'user';
  /** What the subject used in the local day and month of `now`, from the usage rollups. */
  usage: (subjectId: string, now: number) => PeriodUsage;
}

/** One call's share of a lease: its worst case (input estimate + max output), until it settles. */
export interface Reservation {
  /** The lease's ledger row. */
  id: number;
  subjectId: string;
  tokens: number;
  costMicros: number;
  dayKey: string;
  monthKey: string;
}

export type LimitName = 'daily_tokens' | 'monthly_tokens' | 'daily_cost' | 'monthly_cost';

export interface BudgetDenial {
  limit: LimitName;
  /** What the call may use at most (tokens, or micro-dollars for the cost limit): its reservation. */
  call: number;
  /** Used in the limit's period (settled usage plus what calls in flight hold), without this call. */
  used: number;
  /** The part of `used` that calls in flight hold (their worst case, until they settle). */
  held: number;
  max: number;
  resetsAt: number;
}

/** A config's use in the local day and month: what the usage rollups hold plus what calls in flight reserved. */
export type BudgetUsage = PeriodUsage;

export const hasLimits = (l: BudgetLimits): boolean =>
  l.dailyTokenLimit !== null ||
  l.monthlyTokenLimit !== null ||
  (l.dailyCostLimitMicros ?? null) !== null ||
  l.monthlyCostLimitMicros !== null;

/**
 * Budget this process has reserved in the database (a ledger row in state `reserved`, whose unused part is
 * counted on top of the usage rollups) and hands out to its calls from memory. `granted` is what its ledger
 * row reserved; `held` is what calls in flight drew; `used` is what settled calls really used.
 */
interface Lease {
  id: number;
  subjectId: string;
  dayKey: string;
  monthKey: string;
  openedAt: number;
  /** Its day ends (a month ends at a midnight too), or it gets old: new calls then draw from a new lease. */
  retiresAt: number;
  grantedTokens: number;
  grantedCost: number;
  heldTokens: number;
  heldCost: number;
  usedTokens: number;
  usedCost: number;
  /** Times it grew: each growth may reserve twice the calls of the one before (up to LEASE_MAX_CALLS). */
  growths: number;
}

/** What one growth transaction added to the lease with ledger row `id` (a new row when there was no lease). */
interface Growth {
  id: number;
  tokens: number;
  cost: number;
}

/** A lease grows by up to this many calls' worth at first (never past a limit)… */
const LEASE_CALLS = 16;
/**
 * …and by twice as many each time it runs out again, up to this many: a busy config then opens one growth
 * transaction every few hundred calls instead of every 16 (within half of what the limits leave, as always).
 */
const LEASE_MAX_CALLS = 256;
/** A lease is replaced after this long, so a live process's lease never looks stale to another one. */
const LEASE_MAX_AGE_MS = 60_000;
/** A lease closes (its unused part no longer counts) once a config has had no call in flight for this long. */
const LEASE_IDLE_MS = 1_000;

export interface BudgetsOptions {
  /**
   * Commits the usage events queued behind answers (their settlements update the lease's ledger row);
   * true when nothing is left queued. A lease closes only after that.
   */
  flushPending?: () => boolean;
  /** Provider configs, read from their daily rollups, when omitted. */
  subject?: BudgetSubject;
}

/**
 * Token and cost budgets per subject: a provider config's limits, or a user's quotas (one instance per kind,
 * the same mechanism). What a subject has used in a period is read from the usage rollups
 * (usage/period-usage.ts), whether or not it has a limit, so a limit set mid-day or mid-month counts what was
 * already used; what calls in flight reserved is added on top (the open ledger rows' unused part).
 *
 * Every call reserves its worst case before it is sent and settles to the real usage after (or releases on
 * failure), so concurrent calls — in this process or another one sharing the database — can never
 * overshoot a limit. The reservation is taken from a per-process lease: one immediate transaction checks
 * the limits against rollups + open reservations and reserves budget for up to LEASE_CALLS calls, doubling
 * at each growth up to LEASE_MAX_CALLS (at most half of what the limits leave, at least what the call needs); the calls then draw from it in memory, each
 * settlement is written to the lease's ledger row in the transaction that adds its usage event to the
 * rollups (so rollups + the row's unused part stay exact), and the row closes when the config is idle.
 * A process that dies leaves its lease `reserved`; the next start releases it.
 */
export class Budgets {
  private readonly rollups: BudgetSubject['usage'];
  private readonly kind: BudgetSubject['kind'];
  private readonly readReserved: Statement;
  private readonly insertLedger: Statement;
  private readonly growLedger: Statement;
  private readonly addUsed: Statement;
  private readonly closeLedger: Statement;
  /** Built once: `immediate()` builds a new transaction wrapper per call. */
  private readonly growTxn: Transaction<Budgets['growNow']>;
  private readonly leases = new Map<string, Lease>();
  /** Leases no new call draws from (their period ended, or they got old), closed once nothing is held. */
  private readonly retired = new Set<Lease>();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Settled use gathered while a usage batch is written, by ledger row; null outside such a batch. */
  private unwritten: Map<number, { tokens: number; cost: number }> | null = null;
  /**
   * Register with the usage log (`alsoInEachBatch`): the batch's settlements are then written once per lease
   * at the end of its transaction. Unregistered, each settlement is its own update, in the same transaction.
   */
  readonly settlements: BatchPart = {
    begin: () => {
      this.unwritten = new Map();
    },
    end: (write) => {
      const unwritten = this.unwritten;
      this.unwritten = null;
      if (write && unwritten) for (const [id, used] of unwritten) this.addUsed.run(used.tokens, used.cost, id);
    },
  };

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly options: BudgetsOptions = {},
  ) {
    const { sqlite } = store;
    const configUsage = configUsageReader(store);
    const subject = options.subject ?? { kind: 'config', usage: (id, now) => configUsage.of(id, now) };
    this.rollups = subject.usage;
    this.kind = subject.kind;
    const kind = `subject = '${this.kind}'`;
    // The open leases' unused part (what their calls used is in the rollups already); partial index. Another
    // process's lease whose calls used more than it reserved counts nothing more (its use is in the rollups);
    // this process's own leases count exactly (reserved − used, which ownSpare then takes apart).
    const unused = (reserved: string, used: string) =>
      `CASE WHEN id IN (SELECT value FROM json_each(@own)) THEN ${reserved} - ${used} ELSE max(${reserved} - ${used}, 0) END`;
    const tokens = unused('reserved_tokens', 'used_tokens');
    const cost = unused('reserved_cost_micros', 'used_cost_micros');
    this.readReserved = sqlite
      .prepare(
        `
      SELECT
        coalesce(sum(CASE WHEN day_key = @day THEN ${tokens} END), 0),
        coalesce(sum(CASE WHEN day_key = @day THEN ${cost} END), 0),
        coalesce(sum(${tokens}), 0),
        coalesce(sum(${cost}), 0)
      FROM budget_ledger INDEXED BY budget_ledger_reserved
      WHERE state = 'reserved' AND ${kind} AND config_id = @subjectId AND month_key = @month`,
      )
      .raw();
    this.insertLedger = sqlite.prepare(`
      INSERT INTO budget_ledger (subject, config_id, request_id, day_key, month_key, state, reserved_tokens, reserved_cost_micros, created_at)
      VALUES ('${this.kind}', ?, ?, ?, ?, 'reserved', ?, ?, ?)`);
    this.growLedger = sqlite.prepare(`
      UPDATE budget_ledger SET reserved_tokens = reserved_tokens + ?, reserved_cost_micros = reserved_cost_micros + ?
      WHERE id = ?`);
    this.addUsed = sqlite.prepare(`
      UPDATE budget_ledger SET used_tokens = used_tokens + ?, used_cost_micros = used_cost_micros + ?
      WHERE id = ? AND state = 'reserved'`);
    this.closeLedger = sqlite.prepare(`
      UPDATE budget_ledger SET state = ?, settled_at = ? WHERE id = ? AND state = 'reserved'`);
    this.growTxn = sqlite.transaction(this.growNow.bind(this));
  }

  /** In the database: the rollups' usage plus every open lease's unused part (this process's included). */
  private reservedTotals(subjectId: string, now: number, used = this.rollups(subjectId, now)): BudgetUsage {
    const own = this.ownLeases(subjectId).map((l) => l.id);
    const [dayTokens, dayCost, monthTokens, monthCost] = this.readReserved.get({
      subjectId,
      day: dayKey(now),
      month: monthKey(now),
      own: JSON.stringify(own),
    }) as [number, number, number, number];
    return {
      dayTokens: used.dayTokens + dayTokens,
      dayCostMicros: used.dayCostMicros + dayCost,
      monthTokens: used.monthTokens + monthTokens,
      monthCostMicros: used.monthCostMicros + monthCost,
    };
  }

  private ownLeases(subjectId: string): Lease[] {
    return [...this.leases.values(), ...this.retired].filter((l) => l.subjectId === subjectId);
  }

  /**
   * The unused part of this process's own leases for the config, per period of `now`: negative when its calls
   * used more than the lease reserved. The database counts each own lease as reserved − used-so-far
   * committed; taking this away leaves what its calls in flight hold plus what settled and is not committed yet.
   */
  private ownSpare(subjectId: string, now: number): BudgetUsage {
    const spare: BudgetUsage = { dayTokens: 0, dayCostMicros: 0, monthTokens: 0, monthCostMicros: 0 };
    for (const lease of this.ownLeases(subjectId)) {
      if (lease.monthKey !== monthKey(now)) continue;
      const { tokens, cost } = spareOf(lease);
      spare.monthTokens += tokens;
      spare.monthCostMicros += cost;
      if (lease.dayKey === dayKey(now)) {
        spare.dayTokens += tokens;
        spare.dayCostMicros += cost;
      }
    }
    return spare;
  }

  /**
   * Used so far this local day and month, with or without limits: the usage rollups plus what calls in
   * flight anywhere hold. This process's own unused lease is not counted (another process's is, until it
   * goes back).
   */
  usage(subjectId: string, now = this.clock.now()): BudgetUsage {
    const total = this.reservedTotals(subjectId, now);
    const spare = this.ownSpare(subjectId, now);
    return {
      dayTokens: total.dayTokens - spare.dayTokens,
      dayCostMicros: total.dayCostMicros - spare.dayCostMicros,
      monthTokens: total.monthTokens - spare.monthTokens,
      monthCostMicros: total.monthCostMicros - spare.monthCostMicros,
    };
  }

  /** Reserves the call's worst case, from this process's lease or by growing it; or says which limit refuses. */
  reserve(
    subjectId: string,
    limits: BudgetLimits,
    requestId: string,
    tokens: number,
    costMicros: number,
  ): Reservation | BudgetDenial {
    const now = this.clock.now();
    let lease = this.leases.get(subjectId);
    if (lease && (now < lease.openedAt || now >= lease.retiresAt)) {
      this.retire(lease);
      lease = undefined;
    }
    const spare = lease ? spareOf(lease) : { tokens: 0, cost: 0 };
    if (!lease || spare.tokens < tokens || spare.cost < costMicros) {
      const grown = this.growTxn.immediate(subjectId, limits, requestId, tokens, costMicros, lease ?? null, now);
      if ('limit' in grown) return grown;
      // Memory follows the database only once the transaction has committed.
      if (!lease) {
        lease = { ...newLease(grown.id, subjectId, now), grantedTokens: grown.tokens, grantedCost: grown.cost };
        this.leases.set(subjectId, lease);
      } else {
        lease.grantedTokens += grown.tokens;
        lease.grantedCost += grown.cost;
        lease.growths++;
      }
    }
    lease.heldTokens += tokens;
    lease.heldCost += costMicros;
    return { id: lease.id, subjectId, tokens, costMicros, dayKey: lease.dayKey, monthKey: lease.monthKey };
  }

  /** One immediate transaction: checks every limit and grows (or opens) the lease by what the limits allow. */
  private growNow(
    subjectId: string,
    limits: BudgetLimits,
    requestId: string,
    tokens: number,
    costMicros: number,
    lease: Lease | null,
    now: number,
  ): Growth | BudgetDenial {
    const d = dayKey(now);
    const m = monthKey(now);
    const settled = this.rollups(subjectId, now);
    const total = this.reservedTotals(subjectId, now, settled);
    // In use for real: the rollups, other processes' open reservations, and this process's calls in flight
    // (and settled calls not committed yet), without the unused part of its own leases.
    const own = this.ownSpare(subjectId, now);
    const inUse = {
      day: total.dayTokens - own.dayTokens,
      month: total.monthTokens - own.monthTokens,
      dayCost: total.dayCostMicros - own.dayCostMicros,
      cost: total.monthCostMicros - own.monthCostMicros,
    };
    const checks: [LimitName, number | null, number, number, number, number][] = [
      ['daily_tokens', limits.dailyTokenLimit, inUse.day, tokens, settled.dayTokens, nextLocalMidnight(now)],
      ['monthly_tokens', limits.monthlyTokenLimit, inUse.month, tokens, settled.monthTokens, nextMonthStart(now)],
      [
        'daily_cost',
        limits.dailyCostLimitMicros ?? null,
        inUse.dayCost,
        costMicros,
        settled.dayCostMicros,
        nextLocalMidnight(now),
      ],
      [
        'monthly_cost',
        limits.monthlyCostLimitMicros,
        inUse.cost,
        costMicros,
        settled.monthCostMicros,
        nextMonthStart(now),
      ],
    ];
    for (const [limit, max, used, call, settledUse, resetsAt] of checks)
      if (max !== null && used + call > max)
        return { limit, call, used, held: Math.max(0, used - settledUse), max, resetsAt };

    // Grow by a chunk of calls, but by at most half of what the limits leave beside the lease's unused part
    // (another process sharing the budget keeps room for its own calls), and never by less than this call
    // needs: the lease then never holds more than the limits leave.
    const spare = lease ? spareOf(lease) : { tokens: 0, cost: 0 };
    const needTokens = Math.max(0, tokens - spare.tokens);
    const needCost = Math.max(0, costMicros - spare.cost);
    const halfRoom = (max: number | null, used: number) =>
      max === null ? Number.POSITIVE_INFINITY : Math.floor((max - used) / 2);
    const tokenRoom = Math.min(
      halfRoom(limits.dailyTokenLimit, inUse.day + spare.tokens),
      halfRoom(limits.monthlyTokenLimit, inUse.month + spare.tokens),
    );
    const costRoom = Math.min(
      halfRoom(limits.dailyCostLimitMicros ?? null, inUse.dayCost + spare.cost),
      halfRoom(limits.monthlyCostLimitMicros, inUse.cost + spare.cost),
    );
    const calls = Math.min(LEASE_CALLS * 2 ** (lease?.growths ?? 0), LEASE_MAX_CALLS);
    const growTokens = Math.max(needTokens, Math.min(tokens * calls, tokenRoom));
    const growCost = Math.max(needCost, Math.min(costMicros * calls, costRoom));
    if (lease) {
      this.growLedger.run(growTokens, growCost, lease.id);
      return { id: lease.id, tokens: growTokens, cost: growCost };
    }
    const id = Number(this.insertLedger.run(subjectId, requestId, d, m, growTokens, growCost, now).lastInsertRowid);
    return { id, tokens: growTokens, cost: growCost };
  }

  /**
   * The call is over: `used` is its real usage (null: it failed and used nothing). Updates the lease in
   * memory now and returns the ledger update, to run once inside the usage event's transaction.
   */
  finish(r: Reservation, used: { tokens: number; costMicros: number } | null): () => void {
    const lease = this.leaseById(r.id);
    if (lease) {
      lease.heldTokens -= r.tokens;
      lease.heldCost -= r.costMicros;
      if (used) {
        lease.usedTokens += used.tokens;
        lease.usedCost += used.costMicros;
      }
      if (lease.heldTokens === 0 && lease.heldCost === 0) this.scheduleIdleClose();
    }
    return used ? () => this.settle(r.id, used) : () => undefined;
  }

  /** Inside the usage event's transaction: the call's real use goes to its lease's ledger row. */
  private settle(id: number, used: { tokens: number; costMicros: number }): void {
    if (!this.unwritten) {
      this.addUsed.run(used.tokens, used.costMicros, id);
      return;
    }
    const sum = this.unwritten.get(id);
    if (sum) {
      sum.tokens += used.tokens;
      sum.cost += used.costMicros;
    } else this.unwritten.set(id, { tokens: used.tokens, cost: used.costMicros });
  }

  private leaseById(id: number): Lease | undefined {
    for (const lease of this.leases.values()) if (lease.id === id) return lease;
    for (const lease of this.retired) if (lease.id === id) return lease;
    return undefined;
  }

  private retire(lease: Lease): void {
    this.leases.delete(lease.subjectId);
    this.retired.add(lease);
    this.scheduleIdleClose();
  }

  private scheduleIdleClose(): void {
    if (this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      this.closeIdleLeases();
    }, LEASE_IDLE_MS);
    this.idleTimer.unref();
  }

  /**
   * Gives back the unused part of every lease no call holds (after the queued usage events commit, so
   * the ledger has every settlement). Runs on its own once a config is idle; `close` and tests call it.
   */
  closeIdleLeases(): void {
    if (this.options.flushPending && !this.options.flushPending()) {
      this.scheduleIdleClose(); // the disk is full or locked: try again later
      return;
    }
    const idle = [...this.leases.values(), ...this.retired].filter((l) => l.heldTokens === 0 && l.heldCost === 0);
    if (idle.length === 0) return;
    try {
      immediate(this.store.sqlite, () => {
        for (const lease of idle) this.closeRow(lease.id, 'settled');
      });
    } catch {
      this.scheduleIdleClose(); // kept, and tried again: the budget stays reserved meanwhile (never overshoots)
      return;
    }
    for (const lease of idle) {
      if (this.leases.get(lease.subjectId) === lease) this.leases.delete(lease.subjectId);
      this.retired.delete(lease);
    }
  }

  /**
   * Closes an open lease: what its calls used stays in the rollups, the rest of its reservation is no longer
   * counted.
   */
  private closeRow(id: number, state: 'settled' | 'released'): void {
    this.closeLedger.run(state, this.clock.now(), id);
  }

  /** Leases left open by a process that died: their unused part is released at start-up once older than `olderThanMs`. */
  releaseStale(olderThanMs: number): number {
    const ids = this.store.sqlite
      .prepare(`SELECT id FROM budget_ledger WHERE state = 'reserved' AND subject = '${this.kind}' AND created_at < ?`)
      .pluck()
      .all(this.clock.now() - olderThanMs) as number[];
    immediate(this.store.sqlite, () => {
      for (const id of ids) this.closeRow(id, 'released');
    });
    return ids.length;
  }

  outstandingReservations(): number {
    return (
      this.store.sqlite
        .prepare(`SELECT count(*) AS n FROM budget_ledger WHERE state = 'reserved' AND subject = '${this.kind}'`)
        .get() as {
        n: number;
      }
    ).n;
  }

  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.closeIdleLeases();
  }
}

function newLease(id: number, subjectId: string, now: number): Lease {
  return {
    id,
    subjectId,
    dayKey: dayKey(now),
    monthKey: monthKey(now),
    openedAt: now,
    retiresAt: Math.min(nextLocalMidnight(now), now + LEASE_MAX_AGE_MS + 1),
    grantedTokens: 0,
    grantedCost: 0,
    heldTokens: 0,
    heldCost: 0,
    usedTokens: 0,
    usedCost: 0,
    growths: 0,
  };
}

/** What a lease still has for new calls (negative when its calls used more than they reserved). */
function spareOf(lease: Lease): { tokens: number; cost: number } {
  return {
    tokens: lease.grantedTokens - lease.heldTokens - lease.usedTokens,
    cost: lease.grantedCost - lease.heldCost - lease.usedCost,
  };
}
