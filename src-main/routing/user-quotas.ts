import type { Statement } from 'better-sqlite3';
import type { UserQuotaUse } from '@contract';
import type { Clock } from '../clock';
import type { DatabaseHandle } from '../db/client';
import { microsToUsd } from '../usage/money';
import { nextLocalMidnight, nextMonthStart, startOfLocalMonth } from '../usage/periods';
import { userUsageReader, type PeriodUsageReader } from '../usage/period-usage';
import type { UserDirectory, UserRow } from '../usage/users/user-directory';
import { Budgets, hasLimits, type BudgetDenial, type BudgetLimits, type Reservation } from './budgets';

/** The acting user's quotas, as the router applies them (null from `quotaFor`: the user has none). */
export interface UserQuota {
  user: UserRow;
  limits: BudgetLimits;
}

export const quotaLimits = (u: UserRow): BudgetLimits => ({
  dailyTokenLimit: u.dailyTokenLimit,
  monthlyTokenLimit: u.monthlyTokenLimit,
  dailyCostLimitMicros: u.dailyCostLimitMicros,
  monthlyCostLimitMicros: u.monthlyCostLimitMicros,
});

const percentOf = (used: number, limit: number | null): number | null =>
  limit === null ? null : Math.round((used / limit) * 1000) / 10;

/**
 * Per-user daily and monthly token and cost quotas: the provider budgets' reserve/settle (routing/budgets.ts)
 * with users as the budget subject, counted from the per-user daily rollups. No overshoot under concurrency,
 * in one process or several sharing the database.
 */
export class UserQuotas {
  readonly budgets: Budgets;
  private readonly usageOf: PeriodUsageReader;
  private readonly usersOfMonth: Statement;

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    readonly directory: UserDirectory,
    flushPending?: () => boolean,
  ) {
    this.usageOf = userUsageReader(store);
    this.usersOfMonth = store.sqlite
      .prepare(
        `SELECT DISTINCT value FROM usage_daily_by_dimension
         WHERE dimension = 'user' AND bucket_start >= ? AND bucket_start < ? ORDER BY value`,
      )
      .pluck();
    this.budgets = new Budgets(store, clock, {
      ...(flushPending ? { flushPending } : {}),
      subject: { kind: 'user', usage: (name, now) => this.usageOf.of(name, now) },
    });
  }

  /** The user's quotas when any is set; an unknown user (the list is not empty) is refused. */
  quotaFor(userName: string): UserQuota | null {
    const user = this.directory.resolve(userName);
    if (!user) return null;
    const limits = quotaLimits(user);
    return hasLimits(limits) ? { user, limits } : null;
  }

  reserve(quota: UserQuota, requestId: string, tokens: number, costMicros: number): Reservation | BudgetDenial {
    return this.budgets.reserve(quota.user.name, quota.limits, requestId, tokens, costMicros);
  }

  /** Gives a reservation back unused (the provider's budget refused the call). */
  release(reservation: Reservation): void {
    this.budgets.finish(reservation, null);
  }

  /**
   * Each user's use today and this month against their quotas: every user in the list, and anyone else who
   * used something this month (e.g. the OS user of an install from before users were managed).
   */
  use(now = this.clock.now()): UserQuotaUse[] {
    const users = new Map(this.directory.list().map((u) => [u.name, u]));
    const monthFrom = startOfLocalMonth(now);
    const others = this.usersOfMonth.all(monthFrom, nextMonthStart(now)) as string[];
    const names = [...new Set([...users.keys(), ...others])].sort();
    return names.map((name) => {
      const user = users.get(name) ?? null;
      const used = this.budgets.usage(name, now);
      const quota = (value: number, limit: number | null) => ({ used: value, limit, percent: percentOf(value, limit) });
      const usd = (micros: number | null) => (micros === null ? null : microsToUsd(micros));
      return {
        user: name,
        known: user !== null,
        onLimit: user?.onLimit ?? null,
        dayTokens: quota(used.dayTokens, user?.dailyTokenLimit ?? null),
        monthTokens: quota(used.monthTokens, user?.monthlyTokenLimit ?? null),
        dayCostUsd: {
          used: microsToUsd(used.dayCostMicros),
          limit: usd(user?.dailyCostLimitMicros ?? null),
          percent: percentOf(used.dayCostMicros, user?.dailyCostLimitMicros ?? null),
        },
        monthCostUsd: {
          used: microsToUsd(used.monthCostMicros),
          limit: usd(user?.monthlyCostLimitMicros ?? null),
          percent: percentOf(used.monthCostMicros, user?.monthlyCostLimitMicros ?? null),
        },
        dayResetsAt: nextLocalMidnight(now),
        monthResetsAt: nextMonthStart(now),
      };
    });
  }

  close(): void {
    this.budgets.close();
  }
}
