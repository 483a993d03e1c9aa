import { describe, expect, it } from 'vitest';
import { joinJsonRows, readIntegerBlock, readJsonRows } from '../../../src-main/usage/stats-sums';

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

describe('the hour grouping joins the lists of consecutive ranges', () => {
  it('reads the joined parts as one list of groups, in order, leaving out parts without rows', () => {
    const W = 28;
    const sums = (first: number, rows: number) =>
      Array.from({ length: rows }, (_, r) => `[${Array.from({ length: W }, (_, i) => first + r * W + i).join(',')}]`);
    const part = (first: number, keys: string[], classes: string[]) => [
      Buffer.from(sums(first, keys.length).join(',')),
      classes.join(','),
      keys.join(','),
    ];
    const empty = [null, null, null];
    const groups = readJsonRows(
      joinJsonRows(
        [empty, part(0, ['10', '11'], ['null', '{"timeout":2}']), part(2 * W, ['12'], ['{"auth":1}']), empty],
        false,
      ),
      false,
    );
    expect(groups.map((g) => [g.key, g.values[(g.at ?? 0) + W - 1], g.errorClasses])).toEqual([
      ['10', W - 1, {}],
      ['11', 2 * W - 1, { timeout: 2 }],
      ['12', 3 * W - 1, { auth: 1 }],
    ]);
    expect(readJsonRows(joinJsonRows([empty, empty], false), false)).toEqual([]);
    // With series (provider_day): the series lists are joined the same way, in step with the keys.
    const withSeries = (first: number, keys: string[], series: string[]) => [
      ...part(
        first,
        keys,
        keys.map(() => 'null'),
      ),
      series.map((s) => JSON.stringify(s)).join(','),
    ];
    const days = readJsonRows(
      joinJsonRows([withSeries(0, ['1', '1'], ['Claude', 'GPT']), withSeries(2 * W, ['2'], ['Ollama, local'])], true),
      true,
    );
    expect(days.map((g) => [g.key, g.series, g.values[g.at ?? 0]])).toEqual([
      ['1', 'Claude', 0],
      ['1', 'GPT', W],
      ['2', 'Ollama, local', 2 * W],
    ]);
  });
});
