import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LATENCY_BUCKETS } from './latency-bucket-count';

/** One row per provider attempt. Costs are integer micro-dollars; null cost = unpriced model. */
export const usageEvents = sqliteTable(
  'usage_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: text('request_id').notNull(),
    attempt: integer('attempt').notNull(),
    configId: text('config_id'),
    providerName: text('provider_name').notNull(),
    providerKind: text('provider_kind').notNull(),
    model: text('model').notNull(),
    task: text('task').notNull(),
    userId: text('user_id').notNull(),
    status: text('status', { enum: ['ok', 'error'] }).notNull(),
    errorClass: text('error_class'),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    estimated: integer('estimated', { mode: 'boolean' }).notNull().default(false),
    costMicros: integer('cost_micros'),
    priceVersion: integer('price_version'),
    latencyMs: integer('latency_ms').notNull(),
    ttftMs: integer('ttft_ms'),
    fallback: integer('fallback', { mode: 'boolean' }).notNull().default(false),
    /** JSON: why the router put this provider where it did (strategy, scores, samples, exploration); null before routing strategies. */
    routeReason: text('route_reason'),
    createdAt: integer('created_at').notNull(),
  },
  // No index on request_id: no query looks events up by it, and with random ids every insert would write
  // a random page of that index (about a third of an event's commit cost).
  (t) => [index('usage_events_created_at').on(t.createdAt)],
);

function metricColumns() {
  const hist = Object.fromEntries(
    Array.from({ length: LATENCY_BUCKETS }, (_, i) => [`lat${i}`, integer(`lat_b${i}`).notNull().default(0)]),
  ) as Record<`lat${number}`, ReturnType<typeof integer>>;
  return {
    calls: integer('calls').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    fallbacks: integer('fallbacks').notNull().default(0),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    costMicros: integer('cost_micros').notNull().default(0),
    unpricedCalls: integer('unpriced_calls').notNull().default(0),
    estimatedCalls: integer('estimated_calls').notNull().default(0),
    latencySumMs: integer('latency_sum_ms').notNull().default(0),
    /** JSON object: error class → count. */
    errorClasses: text('error_classes').notNull().default('{}'),
    ...hist,
  };
}

/**
 * Daily rollups (local day start), with every dashboard dimension. Written in the same transaction as
 * their event, so dashboards never scan raw rows. Latency is a fixed-bucket histogram (columns lat_b*).
 */
export const usageDaily = sqliteTable(
  'usage_daily',
  {
    bucketStart: integer('bucket_start').notNull(),
    configId: text('config_id').notNull(),
    providerName: text('provider_name').notNull(),
    providerKind: text('provider_kind').notNull(),
    model: text('model').notNull(),
    task: text('task').notNull(),
    userId: text('user_id').notNull(),
    ...metricColumns(),
  },
  (t) => [primaryKey({ columns: [t.bucketStart, t.configId, t.providerName, t.model, t.task, t.userId] })],
);

/** Hourly rollups per provider and task (no dashboard query reads them today: see usage_hour_totals). */
export const usageHourly = sqliteTable(
  'usage_hourly',
  {
    bucketStart: integer('bucket_start').notNull(),
    configId: text('config_id').notNull(),
    providerName: text('provider_name').notNull(),
    providerKind: text('provider_kind').notNull(),
    task: text('task').notNull(),
    ...metricColumns(),
  },
  (t) => [primaryKey({ columns: [t.bucketStart, t.configId, t.providerName, t.task] })],
);

/**
 * One row per hour, whatever the provider, task or user: what the hour and hour-of-day groupings read.
 * Summing the per-provider hourly rows instead took ~45 ms over 90 days at 1M events (bench: stats),
 * nearly all of it SQLite adding up 28 columns of ~12 rows per hour.
 */
export const usageHourTotals = sqliteTable('usage_hour_totals', {
  bucketStart: integer('bucket_start').primaryKey(),
  ...metricColumns(),
});

/** The dimensions of `usage_daily_by_dimension`: the rollup writes one row per day for each. */
export const USAGE_DIMENSIONS = ['provider', 'task', 'model', 'user'] as const;
export type UsageDimension = (typeof USAGE_DIMENSIONS)[number];

/**
 * Daily rollups per single dimension: for each local day, one row per provider, per task, per model and
 * per user (`dimension` says which, `value` is its value). The dashboard's groupings read these instead
 * of summing the all-dimensions daily rows (~150 a day with 20 users), which took 25–70 ms over 90 days
 * at 1M events (bench: stats), nearly all of it SQLite sorting and adding up 28 columns of those rows.
 */
export const usageDailyByDimension = sqliteTable(
  'usage_daily_by_dimension',
  {
    dimension: text('dimension', { enum: USAGE_DIMENSIONS }).notNull(),
    bucketStart: integer('bucket_start').notNull(),
    value: text('value').notNull(),
    ...metricColumns(),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.bucketStart, t.value] })],
);

/**
 * Daily rollups per provider type and task: what the Prometheus metrics report (all-time totals per
 * provider_kind and task). A process's first scrape reads these for the days before today instead of
 * summing every per-provider hourly row (~130,000 at 10M events over 400 days, 0.1–0.3 s; bench: stats).
 */
export const usageDailyByKindTask = sqliteTable(
  'usage_daily_by_kind_task',
  {
    bucketStart: integer('bucket_start').notNull(),
    providerKind: text('provider_kind').notNull(),
    task: text('task').notNull(),
    ...metricColumns(),
  },
  (t) => [primaryKey({ columns: [t.bucketStart, t.providerKind, t.task] })],
);

/**
 * The monthly rollups' dimensions: those of `usage_daily_by_dimension`, and `utc_hour`, the UTC hour of the
 * day ("00"–"23") of the hourly totals (a local hour of the day is one of these shifted by the UTC offset).
 */
export const USAGE_MONTHLY_DIMENSIONS = [...USAGE_DIMENSIONS, 'utc_hour'] as const;
export type UsageMonthlyDimension = (typeof USAGE_MONTHLY_DIMENSIONS)[number];

/**
 * Per-dimension rollups per month window (see usage/month-windows.ts): each row sums the daily rows of its
 * dimension and value (for `utc_hour`, the hourly totals) whose bucket_start lies in its window. Only sealed
 * windows (usage_monthly_sealed) have rows, so a commit in the current month writes none (except, at UTC+13/+14,
 * on a month's first local day, whose daily row falls in the window before). Ranges of more
 * than a month read their sealed whole windows here and only the days at either end from the daily rows
 * (a 400-day user grouping: ~300 rows instead of 8,000; bench: scale).
 */
export const usageMonthlyByDimension = sqliteTable(
  'usage_monthly_by_dimension',
  {
    dimension: text('dimension', { enum: USAGE_MONTHLY_DIMENSIONS }).notNull(),
    bucketStart: integer('bucket_start').notNull(),
    value: text('value').notNull(),
    ...metricColumns(),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.bucketStart, t.value] })],
);

/**
 * How far the monthly rollups are complete: every month window before `window_end` (a window start) has its
 * rows. One row (id 1), absent before any window was sealed. The group commit seals the windows before the
 * one its newest event falls in, and adds to a sealed window's rows only the events that arrive late for it.
 */
export const usageMonthlySealed = sqliteTable('usage_monthly_sealed', {
  id: integer('id').primaryKey(),
  windowEnd: integer('window_end').notNull(),
});

/** The groupings kept as window blocks (usage/window-blocks.ts): one row per group, over many rows a range. */
export const USAGE_BLOCK_GROUPINGS = ['hour', 'provider_day'] as const;
export type UsageBlockGrouping = (typeof USAGE_BLOCK_GROUPINGS)[number];

/**
 * The rows of a one-row-per-group grouping (`hour`: the hourly totals; `provider_day`: the daily provider rows)
 * in each sealed month window (usage_monthly_sealed), as the grouping reads them: each row's sums, error
 * classes, key (and series) as comma-joined lists in key order (usage/window-blocks.ts). A range over many
 * months reads a dozen blocks instead of thousands of rows (`hour` over 400 days at 10M events: 9,591 rows;
 * bench: scale). Written when a window is sealed, and again when an event arrives late for it.
 */
export const usageWindowBlocks = sqliteTable(
  'usage_window_blocks',
  {
    grouping: text('grouping', { enum: USAGE_BLOCK_GROUPINGS }).notNull(),
    windowStart: integer('window_start').notNull(),
    sums: blob('sums').notNull(),
    errorClasses: text('error_classes').notNull(),
    keys: text('keys').notNull(),
    series: text('series'),
  },
  (t) => [primaryKey({ columns: [t.grouping, t.windowStart] })],
);

/** Token and cost reservations per budget subject: a provider config, or a user's quota (see routing/budgets). */
export const budgetLedger = sqliteTable(
  'budget_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Whose budget: `config` (config_id is a provider config's id) or `user` (config_id is the user's name). */
    subject: text('subject', { enum: ['config', 'user'] })
      .notNull()
      .default('config'),
    configId: text('config_id').notNull(),
    requestId: text('request_id').notNull(),
    dayKey: text('day_key').notNull(),
    monthKey: text('month_key').notNull(),
    state: text('state', { enum: ['reserved', 'settled', 'released'] }).notNull(),
    reservedTokens: integer('reserved_tokens').notNull(),
    usedTokens: integer('used_tokens').notNull().default(0),
    reservedCostMicros: integer('reserved_cost_micros').notNull().default(0),
    usedCostMicros: integer('used_cost_micros').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    settledAt: integer('settled_at'),
  },
  (t) => [
    // Only open reservations are ever looked up (their unused part counts on top of the usage rollups,
    // start-up recovery, outstandingReservations). One small partial index keeps each reserve/settle commit to fewer
    // pages than three full indexes did (bench: overhead).
    index('budget_ledger_reserved')
      .on(t.createdAt)
      .where(sql`state = 'reserved'`),
  ],
);

/**
 * No longer read or written: budgets count a config's use from the daily usage rollups plus the open
 * ledger rows (routing/budgets.ts). Kept until a migration drops it.
 */
export const budgetCounters = sqliteTable(
  'budget_counters',
  {
    configId: text('config_id').notNull(),
    periodKey: text('period_key').notNull(),
    tokens: integer('tokens').notNull().default(0),
    costMicros: integer('cost_micros').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.configId, t.periodKey] })],
);

/** Versioned prices: USD per million tokens stored as integer micro-dollars per million tokens. */
export const prices = sqliteTable(
  'prices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    version: integer('version').notNull(),
    model: text('model').notNull(),
    inputMicrosPerMTok: integer('input_micros_per_mtok').notNull(),
    outputMicrosPerMTok: integer('output_micros_per_mtok').notNull(),
    cachedInputMicrosPerMTok: integer('cached_input_micros_per_mtok'),
    source: text('source').notNull(),
    effectiveDate: text('effective_date').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('prices_model_version').on(t.model, t.version)],
);

/** Tasks waiting for a provider (offline or limit behaviour `queue`). */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    task: text('task').notNull(),
    payload: text('payload').notNull(),
    userId: text('user_id').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    result: text('result'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('outbox_status_next').on(t.status, t.nextAttemptAt)],
);
