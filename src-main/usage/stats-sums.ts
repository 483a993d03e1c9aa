import { BUCKET_COLUMNS, percentileFromHistogram } from './latency-buckets';
import { microsToUsd } from './money';
import { COUNT_AT, COUNT_COLUMNS } from './rollup-columns';

/** One dashboard row: a group's (or the range's) totals as the Usage page and the CLI show them. */
export interface StatsRow {
  key: string;
  /** For provider_day: the provider; the day is `key`. */
  series?: string;
  calls: number;
  errors: number;
  errorRate: number;
  fallbacks: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costUsd: number;
  unpricedCalls: number;
  estimatedCalls: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  errorClasses: Record<string, number>;
}

/**
 * The summed rollup columns, COUNT_COLUMNS then the histogram, then the error classes of the rows that had
 * errors (their JSON objects, comma-joined).
 */
export const SUMS_SQL = `${[...COUNT_COLUMNS, ...BUCKET_COLUMNS].map((c) => `sum(${c})`).join(', ')},
  group_concat(CASE WHEN errors > 0 THEN error_classes END, ',')`;

/** The columns SUMS_SQL adds up, as a subquery (a union of rollup tables) must give them. */
export const SUMMED_COLUMNS_SQL = [...COUNT_COLUMNS, ...BUCKET_COLUMNS, 'error_classes'].join(', ');

const WIDTH = COUNT_COLUMNS.length + BUCKET_COLUMNS.length;

/**
 * Groups that are one row each (grouped on the rollup's whole key), without the sorting and adding up of a
 * GROUP BY, of `table` as one text: each row a JSON array of its key columns, its
 * SUMS_SQL columns and its error classes object (null without errors), comma-joined in key order. Ten
 * thousand rows of thirty columns come back as one value and one JSON.parse (readJsonRows): about half
 * the time of binding each column of each row to a JS value (bench: scale, `hour` over 400 days).
 */
export function jsonRowsSql(keyColumns: string, table: string, where: string): string {
  // Ordered in a subquery, which the table's key index gives in order: group_concat's own ORDER BY sorted
  // all the rows' text again in a temporary b-tree.
  return `SELECT group_concat(row, ',') FROM (
      SELECT rtrim(json_array(${[...COUNT_COLUMNS, ...BUCKET_COLUMNS].join(', ')}), ']')
        || ',' || CASE WHEN errors > 0 THEN error_classes ELSE 'null' END
        || ',' || ltrim(json_array(${keyColumns}), '[') AS row
      FROM ${table} WHERE ${where} ORDER BY ${keyColumns})`;
}

/**
 * jsonRowsSql's text as rows: their Sums and key values. Each row's array, once its error classes and keys
 * (after the sums) are read, is cut to its sums and kept as they are: nothing is copied per row.
 */
export function readJsonRows(text: unknown, keyCount: number): { sums: Sums; keys: unknown[] }[] {
  if (typeof text !== 'string' || text === '') return [];
  return (JSON.parse(`[${text}]`) as unknown[][]).map((row) => {
    const errorClasses = (row[WIDTH] as Record<string, number> | null) ?? {};
    const keys = [row[WIDTH + 1], ...(keyCount > 1 ? [row[WIDTH + 2]] : [])];
    row.length = WIDTH;
    return { sums: { values: row as number[], errorClasses }, keys };
  });
}

/** One group's sums before they become a row: `values` in SUMS_SQL's column order. Flat for speed (thousands a query). */
export interface Sums {
  values: number[];
  errorClasses: Record<string, number>;
}

export function emptySums(): Sums {
  return { values: new Array<number>(WIDTH).fill(0), errorClasses: {} };
}

/** The sums in a raw SQL row (`SUMS_SQL` columns from `offset` on, after the group key columns). */
export function readSums(row: readonly unknown[], offset: number): Sums {
  // Sums of NOT NULL columns are numbers, or NULL only when no row matched (the totals of an empty range).
  const values = row.slice(offset, offset + WIDTH) as (number | null)[];
  for (let i = 0; i < WIDTH; i++) values[i] ??= 0;
  const errorClasses: Record<string, number> = {};
  const list = row[offset + WIDTH];
  // The rows' error_classes objects, comma-joined: one JSON.parse per group.
  if (typeof list === 'string' && list) {
    for (const part of JSON.parse(`[${list}]`) as Record<string, number>[])
      for (const cls in part) errorClasses[cls] = (errorClasses[cls] ?? 0) + (part[cls] ?? 0);
  }
  return { values: values as number[], errorClasses };
}

/** Adds `more` into `into` (groups that partition a range add up to exactly the range's totals). */
export function addSums(into: Sums, more: Sums): Sums {
  for (let i = 0; i < WIDTH; i++) into.values[i] = (into.values[i] ?? 0) + (more.values[i] ?? 0);
  for (const cls in more.errorClasses)
    into.errorClasses[cls] = (into.errorClasses[cls] ?? 0) + (more.errorClasses[cls] ?? 0);
  return into;
}

export function toRow({ values, errorClasses }: Sums, key: string, series?: string): StatsRow {
  const v = (i: number): number => values[i] ?? 0;
  const calls = v(COUNT_AT.calls);
  const errors = v(COUNT_AT.errors);
  const row: StatsRow = {
    key,
    calls,
    errors,
    errorRate: calls ? errors / calls : 0,
    fallbacks: v(COUNT_AT.fallbacks),
    inputTokens: v(COUNT_AT.input_tokens),
    outputTokens: v(COUNT_AT.output_tokens),
    cachedInputTokens: v(COUNT_AT.cached_input_tokens),
    costUsd: microsToUsd(v(COUNT_AT.cost_micros)),
    unpricedCalls: v(COUNT_AT.unpriced_calls),
    estimatedCalls: v(COUNT_AT.estimated_calls),
    latencyP50Ms: percentileFromHistogram(values, 0.5, COUNT_COLUMNS.length),
    latencyP95Ms: percentileFromHistogram(values, 0.95, COUNT_COLUMNS.length),
    errorClasses,
  };
  if (series !== undefined) row.series = series;
  return row;
}
