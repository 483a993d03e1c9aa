import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The recruiters the admin manages, by name (the acting profile: `--user NAME`, the profile chosen in the
 * app, or the OS user). Quotas are per user, per local day and month; null = no quota.
 */
export const users = sqliteTable('users', {
  name: text('name').primaryKey(),
  dailyTokenLimit: integer('daily_token_limit'),
  monthlyTokenLimit: integer('monthly_token_limit'),
  dailyCostLimitMicros: integer('daily_cost_limit_micros'),
  monthlyCostLimitMicros: integer('monthly_cost_limit_micros'),
  /** At a quota: `block` refuses, `queue` stores the task until the quota resets, `offline` uses the builtin drafter. */
  onLimit: text('on_limit', { enum: ['block', 'queue', 'offline'] })
    .notNull()
    .default('block'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
