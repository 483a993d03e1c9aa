import { LATENCY_BUCKETS } from '../db/schema/latency-bucket-count';

/** Upper bounds (ms) of the latency histogram kept in every rollup row; the last bucket is open. */
export const LATENCY_BOUNDS_MS = [
  25, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10_000, 15_000, 20_000, 30_000, 60_000,
] as const;

export const BUCKET_COLUMNS = Array.from({ length: LATENCY_BUCKETS }, (_, i) => `lat_b${i}`);

export function bucketIndex(latencyMs: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((bound) => latencyMs <= bound);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

/**
 * A percentile from summed bucket counts (`counts[start]` on, one per bucket), interpolated linearly inside
 * its bucket. Plain loops over the row of sums itself: the stats call this twice for each of up to ~10,000 groups.
 */
export function percentileFromHistogram(counts: ArrayLike<number>, p: number, start = 0): number | null {
  const n = LATENCY_BUCKETS;
  let total = 0;
  for (let i = 0; i < n; i++) total += counts[start + i] ?? 0;
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[start + i] ?? 0;
    if (c > 0 && seen + c >= rank) {
      const lower = i === 0 ? 0 : (LATENCY_BOUNDS_MS[i - 1] ?? 0);
      const upper = LATENCY_BOUNDS_MS[i] ?? lower * 2;
      return Math.round(lower + ((rank - seen) / c) * (upper - lower));
    }
    seen += c;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1] ?? null;
}
