import { describe, expect, it } from 'vitest';
import { CircuitBreakers } from '../../../src-main/routing/circuit-breaker';

describe('circuit breaker', () => {
  const setup = () => {
    let now = 1_000_000;
    const b = new CircuitBreakers(() => now);
    return { b, advance: (ms: number) => (now += ms) };
  };

  it('opens after 5 consecutive failures and refuses calls during the 30 s cooldown', () => {
    const { b, advance } = setup();
    for (let i = 0; i < 4; i++) b.record('p', false);
    expect(b.state('p')).toBe('closed');
    b.record('p', false);
    expect(b.state('p')).toBe('open');
    expect(b.tryAcquire('p')).toBe(false);
    advance(29_000);
    expect(b.tryAcquire('p')).toBe(false);
  });

  it('lets exactly one half-open probe through after the cooldown; success closes it', () => {
    const { b, advance } = setup();
    for (let i = 0; i < 5; i++) b.record('p', false);
    advance(30_000);
    expect(b.state('p')).toBe('half_open');
    expect(b.tryAcquire('p')).toBe(true);
    expect(b.tryAcquire('p')).toBe(false); // only one probe at a time
    b.record('p', true);
    expect(b.state('p')).toBe('closed');
    expect(b.tryAcquire('p')).toBe(true);
  });

  it('a failed probe opens it again for another cooldown', () => {
    const { b, advance } = setup();
    for (let i = 0; i < 5; i++) b.record('p', false);
    advance(30_000);
    expect(b.tryAcquire('p')).toBe(true);
    b.record('p', false);
    expect(b.state('p')).toBe('open');
    advance(10_000);
    expect(b.tryAcquire('p')).toBe(false);
    advance(20_000);
    expect(b.tryAcquire('p')).toBe(true);
  });

  it('opens when more than half of at least 10 calls in 60 s failed, even without 5 in a row', () => {
    const { b, advance } = setup();
    // ok, fail, fail, ok, fail, fail, ok, fail, fail, fail → 7 of 10 failed, never 5 in a row
    for (const ok of [true, false, false, true, false, false, true, false, false]) {
      b.record('p', ok);
      advance(1000);
    }
    expect(b.state('p')).toBe('closed');
    b.record('p', false);
    expect(b.state('p')).toBe('open');
  });

  it('forgets failures older than the 60 s window', () => {
    const { b, advance } = setup();
    for (const ok of [false, false, true, false, false, true, false, false, true]) b.record('p', ok);
    advance(61_000);
    b.record('p', false);
    expect(b.state('p')).toBe('closed');
  });

  it('keeps each config separate', () => {
    const { b } = setup();
    for (let i = 0; i < 5; i++) b.record('a', false);
    expect(b.state('a')).toBe('open');
    expect(b.state('b')).toBe('closed');
  });
});
