import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../../src-main/providers/deadline';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('startDeadline', () => {
  it('aborts when the time is up, and says it timed out', async () => {
    const deadline = startDeadline(30);
    await wait(60);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.timedOut).toBe(true);
    deadline.release();
  });

  it('a short deadline started after a long one still fires on time; a released one never fires', async () => {
    const long = startDeadline(10_000);
    const released = startDeadline(30);
    const short = startDeadline(30);
    released.release(false);
    await wait(80);
    expect(short.timedOut).toBe(true);
    expect(released.signal.aborted).toBe(false);
    expect(long.signal.aborted).toBe(false);
    long.release();
    short.release();
  });

  it('follows the caller signal without calling it a timeout', () => {
    const caller = new AbortController();
    const deadline = startDeadline(10_000, caller.signal);
    caller.abort();
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.timedOut).toBe(false);
    deadline.release();
  });

  it('starts aborted for an already aborted caller signal', () => {
    const caller = new AbortController();
    caller.abort();
    expect(startDeadline(10_000, caller.signal).signal.aborted).toBe(true);
  });

  it('touch() pushes the deadline back (idle timeout)', async () => {
    const deadline = startDeadline(60);
    for (let i = 0; i < 4; i++) {
      await wait(30);
      deadline.touch();
    }
    expect(deadline.signal.aborted).toBe(false);
    deadline.release();
  });

  it('release() aborts what is in flight and unlinks the caller signal', () => {
    const caller = new AbortController();
    const deadline = startDeadline(10_000, caller.signal);
    deadline.release();
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.timedOut).toBe(false);
  });
});
