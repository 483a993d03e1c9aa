import type { FaultSpec } from '../../emulator';

/** What a chaos provider does to one request (`{}` = answers normally). */
export function chaosFault(random: () => number, timeoutMs: number): FaultSpec {
  const roll = random();
  if (roll < 0.65) return {};
  if (roll < 0.7) return { status: 429, retryAfterSeconds: 1 };
  if (roll < 0.72) return { status: 429, retryAfterSeconds: 3_600 }; // beyond the cap: fail over at once
  if (roll < 0.79) return { status: 500 };
  if (roll < 0.82) return { status: 503 };
  if (roll < 0.87) return { latencyMs: timeoutMs + 300 }; // slower than the request's timeout
  if (roll < 0.93) return { cutAfterChunks: 2 };
  if (roll < 0.98) return { malformedBody: true };
  return { status: 400 }; // the caller's fault: returned at once, no failover
}
