/** Nearest-rank percentile of unsorted samples (p in [0, 1]); 0 for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

export const round = (n: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** Microseconds since an arbitrary origin, sub-microsecond resolution. */
export const nowUs = (): number => performance.now() * 1000;
