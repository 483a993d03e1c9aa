import type { CircuitState } from '@contract';

const CONSECUTIVE_FAILURES = 5;
const WINDOW_MS = 60_000;
const WINDOW_MIN_CALLS = 10;
const COOLDOWN_MS = 30_000;

interface Circuit {
  state: CircuitState;
  consecutiveFailures: number;
  openedAt: number;
  probing: boolean;
  window: { at: number; ok: boolean }[];
}

/**
 * Per-config breaker: opens after 5 consecutive failures, or when more than half of at least 10 calls in
 * the last 60 s failed; after 30 s one half-open probe decides whether it closes or opens again.
 */
export class CircuitBreakers {
  private readonly circuits = new Map<string, Circuit>();

  constructor(private readonly now: () => number) {}

  private get(id: string): Circuit {
    let c = this.circuits.get(id);
    if (!c) {
      c = { state: 'closed', consecutiveFailures: 0, openedAt: 0, probing: false, window: [] };
      this.circuits.set(id, c);
    }
    return c;
  }

  state(id: string): CircuitState {
    const c = this.get(id);
    if (c.state === 'open' && this.now() - c.openedAt >= COOLDOWN_MS) return 'half_open';
    return c.state;
  }

  /** Failed calls in a row since the last success (0 again once the circuit opens or closes). */
  consecutiveFailures(id: string): number {
    return this.circuits.get(id)?.consecutiveFailures ?? 0;
  }

  /** Whether a call may go out now; in half-open only one probe at a time. */
  tryAcquire(id: string): boolean {
    const c = this.get(id);
    const state = this.state(id);
    if (state === 'closed') return true;
    if (state === 'open' || c.probing) return false;
    c.state = 'half_open';
    c.probing = true;
    return true;
  }

  record(id: string, ok: boolean): void {
    const c = this.get(id);
    const now = this.now();
    c.window.push({ at: now, ok });
    while (c.window.length && (c.window[0]?.at ?? now) < now - WINDOW_MS) c.window.shift();
    if (c.state === 'half_open') {
      c.probing = false;
      if (ok) this.reset(c);
      else this.open(c, now);
      return;
    }
    if (ok) {
      c.consecutiveFailures = 0;
      return;
    }
    c.consecutiveFailures++;
    const failures = c.window.filter((w) => !w.ok).length;
    if (
      c.consecutiveFailures >= CONSECUTIVE_FAILURES ||
      (c.window.length >= WINDOW_MIN_CALLS && failures * 2 > c.window.length)
    )
      this.open(c, now);
  }

  /** A call that was let through but never reached the provider (e.g. budget denied) frees the probe. */
  releaseProbe(id: string): void {
    this.get(id).probing = false;
  }

  private open(c: Circuit, now: number): void {
    c.state = 'open';
    c.openedAt = now;
    c.consecutiveFailures = 0;
  }

  private reset(c: Circuit): void {
    c.state = 'closed';
    c.consecutiveFailures = 0;
    c.window = [];
  }
}
