import { describe, expect, it } from 'vitest';
import { healthOf, type HealthOutcome } from '../../../src-main/health/health-rule';
import { formatProbeEvery, parseProbeEvery } from '../../../src-preload/shared/probe-interval';

const NOW = 1_000_000_000;
const MIN = 60_000;
/** Outcomes newest first, one a minute: 'o' ok, 'x' failed, with the given latency. */
const seq = (pattern: string, latencyMs = 100): HealthOutcome[] =>
  [...pattern].map((c, i) => ({ at: NOW - i * MIN, ok: c === 'o', latencyMs }));

describe('the health rule (admin guide, "Provider health")', () => {
  it('down when the circuit is open, whatever the outcomes', () => {
    expect(healthOf(seq('ooo'), true, 60_000, NOW).state).toBe('down');
  });
  it('down when the newest three all failed; not when an older success breaks the run', () => {
    expect(healthOf(seq('xxxoooooo'), false, 60_000, NOW).state).toBe('down');
    expect(healthOf(seq('xxoxooooo'), false, 60_000, NOW).state).toBe('degraded');
  });
  it('degraded at a quarter failed, healthy below', () => {
    expect(healthOf(seq('oooxoooo'), false, 60_000, NOW)).toMatchObject({ state: 'healthy' });
    expect(healthOf(seq('oooxooox'), false, 60_000, NOW)).toMatchObject({
      state: 'degraded',
      reason: '2 of the last 8 probes or calls failed',
    });
  });
  it('degraded when the p95 latency of at least three successes is above half the timeout', () => {
    expect(healthOf(seq('ooo', 31_000), false, 60_000, NOW).state).toBe('degraded');
    expect(healthOf(seq('oo', 31_000), false, 60_000, NOW).state).toBe('healthy');
    expect(healthOf(seq('ooo', 29_000), false, 60_000, NOW).state).toBe('healthy');
  });
  it('only the last 15 minutes count; with none the state is left as it was (null)', () => {
    const old = seq('xxx').map((o) => ({ ...o, at: o.at - 20 * MIN }));
    expect(healthOf(old, false, 60_000, NOW).state).toBeNull();
    expect(healthOf([...seq('o'), ...old], false, 60_000, NOW).state).toBe('healthy');
  });
});

describe('probe intervals', () => {
  it('parses 1m…1d and off, and says why anything else is refused', () => {
    expect(parseProbeEvery('5m')).toBe(300_000);
    expect(parseProbeEvery('90s')).toBe(90_000);
    expect(parseProbeEvery('1d')).toBe(86_400_000);
    expect(parseProbeEvery('OFF')).toBeNull();
    expect(() => parseProbeEvery('30s')).toThrow(/between 1m and 1d/u);
    expect(() => parseProbeEvery('2d')).toThrow(/between 1m and 1d/u);
    expect(() => parseProbeEvery('5 minutes')).toThrow(/not an interval/u);
    expect(formatProbeEvery(300_000)).toBe('5m');
    expect(formatProbeEvery(90_000)).toBe('90s');
    expect(formatProbeEvery(null)).toBe('off');
  });
});
