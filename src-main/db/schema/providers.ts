import { sql } from 'drizzle-orm';
import { integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const providerConfigs = sqliteTable(
  'provider_configs',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['gemini', 'openai', 'anthropic', 'openai-compatible'] }).notNull(),
    model: text('model').notNull(),
    baseUrl: text('base_url'),
    /** Keychain account name; null when no key is stored. The key itself never touches SQLite. */
    keyRef: text('key_ref'),
    keyHint: text('key_hint'),
    keySetAt: integer('key_set_at'),
    keyInvalid: integer('key_invalid', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of tasks this config is routed to. */
    tasks: text('tasks', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    priority: integer('priority').notNull().default(100),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    dailyTokenLimit: integer('daily_token_limit'),
    monthlyTokenLimit: integer('monthly_token_limit'),
    monthlyCostLimitMicros: integer('monthly_cost_limit_micros'),
    onLimit: text('on_limit', { enum: ['fallback', 'error', 'queue'] })
      .notNull()
      .default('fallback'),
    timeoutMs: integer('timeout_ms').notNull().default(60000),
    maxOutputTokens: integer('max_output_tokens').notNull().default(4096),
    temperature: real('temperature'),
    /** Where the provider processes data: `local` never leaves the machine or the organisation's network. */
    region: text('region', { enum: ['eu', 'us', 'other', 'local'] })
      .notNull()
      .default('other'),
    /** How long the provider keeps what it is sent, as the admin recorded it (free text or days). */
    dataRetention: text('data_retention'),
    /** The provider may receive candidates' personal data at all. */
    personalData: integer('personal_data', { mode: 'boolean' }).notNull().default(true),
    /** Candidate identifiers are replaced by placeholders before a request leaves for this provider. */
    piiMasking: integer('pii_masking', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('provider_configs_name_unique').on(t.name)],
);

/** Per task, how the router orders its providers (no row = `priority`, the configured order). */
export const routingStrategies = sqliteTable('routing_strategies', {
  task: text('task').primaryKey(),
  strategy: text('strategy').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});
