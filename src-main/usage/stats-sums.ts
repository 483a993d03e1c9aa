import { AppError } from '../errors';
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
 * GROUP BY, of `table` as a few values, one per aggregate of one statement (every aggregate steps through the
 * same rows in the same order, so the lists align), each comma-joined in key order: each row's SUMS_SQL
 * columns as a JSON array of integers (as a BLOB: its bytes, read by readIntegerBlock without making a JS
 * string of them), its error classes object (null without errors), its key (an integer column: its decimal
 * text is the group's key) and, with `seriesColumn`, its series as JSON. Ten thousand rows of thirty columns
 * come back as a few values (readJsonRows); apart, each list is read as values of one kind.
 */
export function jsonRowsSql(keyColumn: string, seriesColumn: string | undefined, table: string, where: string): string {
  const { sums, errorClasses, keys, series } = JSON_LIST_SQL;
  const lists = seriesColumn ? [sums, errorClasses, keys, series] : [sums, errorClasses, keys];
  return `SELECT ${lists.join(', ')} FROM ${jsonRowsSource(keyColumn, seriesColumn, table, where)}`;
}

/**
 * The rows jsonRowsSql's lists are made of, in key order, as a subquery: each row's sums as a JSON array, its
 * error classes (or `null`), its key and, with `seriesColumn`, its series as JSON.
 */
export function jsonRowsSource(
  keyColumn: string,
  seriesColumn: string | undefined,
  table: string,
  where: string,
): string {
  const order = seriesColumn ? `${keyColumn}, ${seriesColumn}` : keyColumn;
  // Ordered in a subquery, which the table's key index gives in order: group_concat's own ORDER BY sorted
  // all the rows' text again in a temporary b-tree.
  return `(
      SELECT json_array(${[...COUNT_COLUMNS, ...BUCKET_COLUMNS].join(', ')}) AS sums,
        CASE WHEN errors > 0 THEN error_classes ELSE 'null' END AS error_classes, ${keyColumn} AS key
        ${seriesColumn ? `, json_quote(${seriesColumn}) AS series` : ''}
      FROM ${table} WHERE ${where} ORDER BY ${order})`;
}

/** jsonRowsSql's lists, each an aggregate over jsonRowsSource's rows. */
export const JSON_LIST_SQL = {
  sums: `CAST(group_concat(sums, ',') AS BLOB)`,
  errorClasses: `group_concat(error_classes, ',')`,
  keys: `group_concat(key, ',')`,
  series: `group_concat(series, ',')`,
} as const;

/**
 * jsonRowsSql rows (sums, error classes, keys and, with `withSeries`, series) of consecutive key ranges, in key
 * order, as one: each list joined with commas. Parts without rows (nulls) are left out.
 */
export function joinJsonRows(parts: readonly (readonly unknown[])[], withSeries: boolean): unknown[] {
  const width = withSeries ? 4 : 3;
  const present = parts.filter((p) => typeof p[2] === 'string' && p[2] !== '');
  if (present.length === 0) return new Array<null>(width).fill(null);
  if (present.length === 1) return present[0]!.slice(0, width);
  const blobs = present.map((p) => (p[0] instanceof Uint8Array ? p[0] : new Uint8Array(0)));
  const sums = new Uint8Array(blobs.reduce((n, b) => n + b.length, 0) + blobs.length - 1);
  let at = 0;
  for (const [i, b] of blobs.entries()) {
    if (i > 0) sums[at++] = COMMA;
    sums.set(b, at);
    at += b.length;
  }
  const text = (i: number) => present.map((p) => String(p[i])).join(',');
  return [sums, ...Array.from({ length: width - 1 }, (_, i) => text(i + 1))];
}

/** A comma-joined list of JSON values (one of jsonRowsSql's texts) as an array. */
function parseList<T>(text: unknown): T[] {
  return typeof text === 'string' && text !== '' ? (JSON.parse(`[${text}]`) as T[]) : [];
}

/** One group of rollup rows: its key (and series), and its sums. */
export interface KeyedSums extends SumsView {
  key: string;
  series?: string;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * jsonRowsSql's sums (the bytes of JSON arrays of integers, comma-joined) as one block of their `count`
 * numbers, read in one pass. JSON.parse of their text made an array per row, ten thousand small arrays a
 * query for the garbage collector to copy, and the text itself a JS string first: `hour` over 400 days is
 * ~25 % faster this way (bench: scale). Anything but integers (a REAL, a null) is an error, never a wrong
 * number.
 */
export function readIntegerBlock(bytes: Uint8Array, count: number): Float64Array {
  const notIntegers = () =>
    new AppError('storage_error', `The usage rollups could not be read: their sums are not ${count} integers.`);
  const block = new Float64Array(count);
  let n = 0;
  let value = 0;
  let digits = 0;
  let negative = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      value = value * 10 + (c - DIGIT_0);
      digits++;
    } else if (c === MINUS && digits === 0 && !negative) {
      negative = true;
    } else if (c === COMMA || c === OPEN_BRACKET || c === CLOSE_BRACKET) {
      if (digits > 0) {
        if (n === count || value > Number.MAX_SAFE_INTEGER) throw notIntegers();
        block[n++] = negative ? -value : value;
        value = 0;
        digits = 0;
        negative = false;
      } else if (negative) throw notIntegers();
    } else throw notIntegers();
  }
  if (n !== count || digits > 0 || negative) throw notIntegers();
  return block;
}

/**
 * jsonRowsSql's row as its groups, in key order, one object each: each row's numbers in one block of all the
 * rows' (see readIntegerBlock), and its key the integer's text as SQLite wrote it (what String gives).
 */
export function readJsonRows(raw: readonly unknown[], withSeries: boolean): KeyedSums[] {
  const keys = typeof raw[2] === 'string' ? raw[2].split(',') : [];
  const sums = raw[0] instanceof Uint8Array ? raw[0] : new Uint8Array(0);
  const values = readIntegerBlock(sums, keys.length * WIDTH);
  const errorClasses = parseList<Record<string, number> | null>(raw[1]);
  const groups = new Array<KeyedSums>(keys.length);
  if (withSeries) {
    const series = parseList<unknown>(raw[3]);
    for (let i = 0; i < keys.length; i++)
      groups[i] = {
        key: keys[i]!,
        series: String(series[i]),
        values,
        at: i * WIDTH,
        errorClasses: errorClasses[i] ?? {},
      };
  } else {
    for (let i = 0; i < keys.length; i++)
      groups[i] = { key: keys[i]!, values, at: i * WIDTH, errorClasses: errorClasses[i] ?? {} };
  }
  return groups;
}

/**
 * Sums as read: `values` from `at` on (0 without), in SUMS_SQL's column order; a group's own array, or its
 * place in a block that many groups share.
 */
export interface SumsView {
  values: ArrayLike<number>;
  at?: number;
  errorClasses: Record<string, number>;
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
export function addSums(into: Sums, more: SumsView): Sums {
  const at = more.at ?? 0;
  for (let i = 0; i < WIDTH; i++) into.values[i] = (into.values[i] ?? 0) + (more.values[at + i] ?? 0);
  for (const cls in more.errorClasses)
    into.errorClasses[cls] = (into.errorClasses[cls] ?? 0) + (more.errorClasses[cls] ?? 0);
  return into;
}

// Where each count and the histogram sit in Sums' values, read once: toRow runs for up to ~10,000 groups a query.
const CALLS = COUNT_AT.calls;
const ERRORS = COUNT_AT.errors;
const FALLBACKS = COUNT_AT.fallbacks;
const INPUT_TOKENS = COUNT_AT.input_tokens;
const OUTPUT_TOKENS = COUNT_AT.output_tokens;
const CACHED_INPUT_TOKENS = COUNT_AT.cached_input_tokens;
const COST_MICROS = COUNT_AT.cost_micros;
const UNPRICED_CALLS = COUNT_AT.unpriced_calls;
const ESTIMATED_CALLS = COUNT_AT.estimated_calls;
const FIRST_BUCKET = COUNT_COLUMNS.length;

export function toRow({ values, at = 0, errorClasses }: SumsView, key: string, series?: string): StatsRow {
  const calls = values[at + CALLS] ?? 0;
  const errors = values[at + ERRORS] ?? 0;
  const row: StatsRow = {
    key,
    calls,
    errors,
    errorRate: calls ? errors / calls : 0,
    fallbacks: values[at + FALLBACKS] ?? 0,
    inputTokens: values[at + INPUT_TOKENS] ?? 0,
    outputTokens: values[at + OUTPUT_TOKENS] ?? 0,
    cachedInputTokens: values[at + CACHED_INPUT_TOKENS] ?? 0,
    costUsd: microsToUsd(values[at + COST_MICROS] ?? 0),
    unpricedCalls: values[at + UNPRICED_CALLS] ?? 0,
    estimatedCalls: values[at + ESTIMATED_CALLS] ?? 0,
    latencyP50Ms: percentileFromHistogram(values, 0.5, at + FIRST_BUCKET),
    latencyP95Ms: percentileFromHistogram(values, 0.95, at + FIRST_BUCKET),
    errorClasses,
  };
  if (series !== undefined) row.series = series;
  return row;
}
