import { describe, expect, it } from 'vitest';
import { STACK_TOTAL, withStackTotal } from '../../../src-renderer/src/features/usage/stack-total';

const SERIES = [
  { name: 's0', label: 'Claude', color: 'indigo.6' },
  { name: 's1', label: 'Gemini', color: 'teal.6' },
];

describe('stacked bars as one series', () => {
  it('adds each point’s stack height: the sum of its series, missing or negative ones as nothing', () => {
    const points = withStackTotal(
      [
        { day: '01 Nov', s0: 1.5, s1: 2 },
        { day: '02 Nov', s0: 0, s1: 3 },
        { day: '03 Nov', s0: 4 },
        { day: '04 Nov', s0: -1, s1: 1 },
      ],
      SERIES,
    );
    expect(points.map((p) => p[STACK_TOTAL])).toEqual([3.5, 3, 4, 1]);
    expect(points[0]).toMatchObject({ day: '01 Nov', s0: 1.5, s1: 2 });
  });
});
