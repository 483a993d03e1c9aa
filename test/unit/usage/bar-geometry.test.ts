import { describe, expect, it } from 'vitest';
import { band, barSlots, boxPath, plotArea, valueScale } from '../../../src-renderer/src/features/usage/bar-geometry';

describe('the Usage bar charts’ geometry', () => {
  it('puts the plot inside the margins, the value axes and the category axis under it', () => {
    // A half-width card's chart: 542 × 200, 48 px of labels on the left, 56 on the right.
    expect(plotArea(542, 200, 48, 56)).toEqual({ left: 53, top: 5, width: 428, height: 160 });
    expect(plotArea(542, 240, 110, 0, { top: 5, right: 24, bottom: 5, left: 5 })).toEqual({
      left: 115,
      top: 5,
      width: 403,
      height: 200,
    });
  });

  it('gives every category an equal band and centres its bars in it, at most maxBarSize thick', () => {
    expect(band(45, 480, 24, 3)).toEqual({ start: 105, size: 20 });
    const [single] = barSlots(105, 20, 1);
    expect(single).toEqual({ start: 107, size: 16 });
    const pair = barSlots(0, 100, 2, 30);
    expect(pair.map((s) => s.size)).toEqual([30, 30]);
    // 30 + 4 + 30 = 64 px, centred in the 100 px band.
    expect(pair.map((s) => s.start)).toEqual([18, 52]);
    expect(barSlots(0, 100, 0)).toEqual([]);
  });

  it('scales values from 0 to the axis top and draws a box as one path', () => {
    expect(valueScale(200, 160)).toBe(0.8);
    expect(valueScale(0, 160)).toBe(0);
    expect(boxPath(10, 20, 16, 40)).toBe('M10,20h16v40h-16Z');
  });
});
