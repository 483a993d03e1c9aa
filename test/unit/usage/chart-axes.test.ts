import { describe, expect, it } from 'vitest';
import { categoryInterval, PERCENT_TICKS, valueTicks } from '../../../src-renderer/src/features/usage/chart-axes';

describe('Usage chart axes', () => {
  it('gives five evenly spaced round ticks from zero that cover the largest value', () => {
    expect(valueTicks(107_115).ticks).toEqual([0, 30_000, 60_000, 90_000, 120_000]);
    expect(valueTicks(13_894, true).ticks).toEqual([0, 4_000, 8_000, 12_000, 16_000]);
    expect(valueTicks(55_000_000).ticks).toEqual([0, 15_000_000, 30_000_000, 45_000_000, 60_000_000]);
    expect(valueTicks(850).ticks).toEqual([0, 250, 500, 750, 1_000]);
    expect(valueTicks(0.000351).ticks).toEqual([0, 0.0001, 0.0002, 0.0003, 0.0004]);
    expect(valueTicks(0.00021).ticks).toEqual([0, 0.00006, 0.00012, 0.00018, 0.00024]);
    expect(valueTicks(120).ticks).toEqual([0, 30, 60, 90, 120]);
    for (const max of [1, 7, 99, 101, 1234.5, 0.0042, 6_864, 98_765_432]) {
      const { domain, ticks } = valueTicks(max);
      expect(ticks).toHaveLength(5);
      expect(ticks[0]).toBe(0);
      expect(domain).toEqual([0, ticks[4]]);
      expect(ticks[4]!).toBeGreaterThanOrEqual(max);
      // Tight: the top tick is less than twice the data (so the bars use most of the height).
      expect(ticks[4]!).toBeLessThan(2 * max);
    }
  });

  it('keeps counts on whole numbers and has an axis for no data', () => {
    expect(valueTicks(3, true).ticks).toEqual([0, 1, 2, 3, 4]);
    expect(valueTicks(0).ticks).toEqual([0, 1, 2, 3, 4]);
    expect(valueTicks(Number.NaN).domain).toEqual([0, 4]);
    expect(valueTicks(5, true)).toMatchObject({ niceTicks: 'none', interval: 0 });
    expect(PERCENT_TICKS.ticks).toEqual([0, 25, 50, 75, 100]);
  });

  it('labels every n-th category so that at most the wanted number show', () => {
    expect(categoryInterval(30, 8)).toBe(3);
    expect(categoryInterval(24, 24)).toBe(0);
    expect(categoryInterval(7, 8)).toBe(0);
    expect(categoryInterval(90, 8)).toBe(11);
  });
});
