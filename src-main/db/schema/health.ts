import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** How often the long-lived hosts probe a provider (a models call); no row = probes off (the default). */
export const providerProbeSchedules = sqliteTable('provider_probe_schedules', {
  configId: text('config_id').primaryKey(),
  everyMs: integer('every_ms').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Health history: one `probe` row per scheduled probe (its outcome) and one `change` row each time a
 * provider's health state changes (src-main/health/health-rule.ts says how the state is computed).
 */
export const providerHealth = sqliteTable(
  'provider_health',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    configId: text('config_id').notNull(),
    providerName: text('provider_name').notNull(),
    kind: text('kind', { enum: ['probe', 'change'] }).notNull(),
    at: integer('at').notNull(),
    /** Probe rows: whether the models call answered and offered the model. */
    ok: integer('ok', { mode: 'boolean' }),
    latencyMs: integer('latency_ms'),
    /** Probe rows: why it failed (auth, unreachable, timeout, …). */
    failure: text('failure'),
    /** The state after this row (change rows: the new state; probe rows: the state the probe was evaluated into). */
    state: text('state', { enum: ['unknown', 'healthy', 'degraded', 'down'] }).notNull(),
    previousState: text('previous_state', { enum: ['unknown', 'healthy', 'degraded', 'down'] }),
    reason: text('reason'),
  },
  (t) => [index('provider_health_config_at').on(t.configId, t.at), index('provider_health_at').on(t.at)],
);
