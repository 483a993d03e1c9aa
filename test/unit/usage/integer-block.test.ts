import { describe, expect, it } from 'vitest';
import { readIntegerBlock } from '../../../src-main/usage/stats-sums';

describe('the rollup sums read as one block of integers', () => {
  it('reads comma-joined JSON arrays of integers in order, negative and large ones included', () => {
    const text = '[1042,0,-3],[9007199254740991,12,0]';
    expect([...readIntegerBlock(Buffer.from(text), 6)]).toEqual([1042, 0, -3, Number.MAX_SAFE_INTEGER, 12, 0]);
    expect([...readIntegerBlock(Buffer.from(text), 6)]).toEqual(JSON.parse(`[${text}]`).flat());
  });

  it('refuses anything but the integers it was asked for: never a wrong number', () => {
    for (const [text, count] of [
      ['[1.5,2]', 2],
      ['[1,null]', 2],
      ['[1e3,2]', 2],
      ['[1,2]', 3],
      ['[1,2],[3]', 2],
      ['[9007199254740993]', 1],
      ['[-,2]', 1],
    ] as const)
      expect(() => readIntegerBlock(Buffer.from(text), count), text).toThrow(
        /usage rollups could not be read: their sums are not \d+ integers/u,
      );
    const refusal = (() => {
      try {
        return readIntegerBlock(Buffer.from('[1.5]'), 1);
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toMatchObject({ name: 'AppError', code: 'storage_error' });
  });
});
