import { describe, expect, it } from 'vitest';
import { monotonePath } from '../../../src-renderer/src/features/usage/monotone-curve';

/** Every number in a path's commands, as [x, y] pairs. */
const pairs = (d: string): number[][] =>
  (d.match(/-?[\d.]+(?:e-?\d+)?,-?[\d.]+(?:e-?\d+)?/gu) ?? []).map((p) => p.split(',').map(Number));

describe('the token areas’ smooth curve', () => {
  it('goes through every point and never overshoots a step between them', () => {
    const points = [
      [0, 10],
      [10, 10],
      [20, 0],
      [30, 0],
    ] as const;
    const d = monotonePath(points);
    expect(d.startsWith('M0,10C')).toBe(true);
    expect(d.endsWith(' 30,0')).toBe(true);
    // Control points included: a curve that overshot would put one above 10 or below 0.
    for (const [, y] of pairs(d)) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(10);
    }
  });

  it('draws two points as a line, joins a path already drawn, and draws nothing for no points', () => {
    expect(
      monotonePath([
        [0, 0],
        [5, 5],
      ]),
    ).toBe('M0,0L5,5');
    expect(
      monotonePath(
        [
          [5, 5],
          [0, 0],
        ],
        true,
      ),
    ).toBe('L5,5L0,0');
    expect(monotonePath([])).toBe('');
  });
});
