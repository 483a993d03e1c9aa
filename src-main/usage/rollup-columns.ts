import { BUCKET_COLUMNS } from './latency-buckets';

/** The additive count columns of every rollup table (see the usage schema), in a fixed order. */
export const COUNT_COLUMNS = [
  'calls',
  'errors',
  'fallbacks',
  'input_tokens',
  'output_tokens',
  'cached_input_tokens',
  'cost_micros',
  'unpriced_calls',
  'estimated_calls',
] as const;

/** Every column a new event adds to: the counts, the latency sum and the histogram buckets. */
export const ADDITIVE_COLUMNS = [...COUNT_COLUMNS, 'latency_sum_ms', ...BUCKET_COLUMNS];

/**
 * Where each count sits in a row of sums: the counts come first, in this order, both in
 * ADDITIVE_COLUMNS and in the stats queries' sums.
 */
export const COUNT_AT = Object.fromEntries(COUNT_COLUMNS.map((column, i) => [column, i])) as Record<
  (typeof COUNT_COLUMNS)[number],
  number
>;
