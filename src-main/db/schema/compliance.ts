import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Which provider regions may receive a request: per task (`scope` task, `target` the task name) and per candidate
 * (`scope` candidate, `target` the candidate id). No row means `any`.
 */
export const dataPolicies = sqliteTable(
  'data_policies',
  {
    scope: text('scope', { enum: ['task', 'candidate'] }).notNull(),
    target: text('target').notNull(),
    allow: text('allow', { enum: ['local', 'eu', 'any'] }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.target] })],
);
