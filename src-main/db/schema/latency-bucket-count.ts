/** Number of latency histogram buckets (bounds in src-main/usage/latency-buckets.ts). No drizzle here: read at run time. */
export const LATENCY_BUCKETS = 19;
