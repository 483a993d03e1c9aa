import type { StatsRowDto } from '../../../../src-preload/contract';
import { formatDay } from '../../lib/format';
import { daysIn, type DateRange } from './date-range';

export const SERIES_COLORS = [
  'indigo.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'cyan.6',
  'pink.6',
  'lime.7',
  'yellow.7',
  'red.6',
  'blue.6',
] as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length] ?? 'gray.6';
}

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

/**
 * provider_day rows → one point a day with one synthetic key per provider (`s0`, `s1`…: provider names may
 * hold dots, which chart libraries read as paths), and the series to draw.
 */
export function pivotByDay(
  rows: StatsRowDto[],
  range: DateRange,
  value: (row: StatsRowDto) => number,
): { data: Record<string, string | number>[]; series: { name: string; label: string; color: string }[] } {
  const names = [...new Set(rows.map((r) => r.series ?? r.key))].sort();
  const keyOf = new Map(names.map((n, i) => [n, `s${i}`]));
  const data = daysIn(range).map((day) => {
    const point: Record<string, string | number> = { day: formatDay(day) };
    for (const [, key] of keyOf) point[key] = 0;
    for (const row of rows)
      if (sameDay(Number(row.key), day)) {
        const key = keyOf.get(row.series ?? row.key);
        if (key) point[key] = (Number(point[key]) || 0) + value(row);
      }
    return point;
  });
  return { data, series: names.map((n, i) => ({ name: `s${i}`, label: n, color: seriesColor(i) })) };
}

/** day rows → one point a day (missing days are zero). */
export function perDay<T extends Record<string, number>>(
  rows: StatsRowDto[],
  range: DateRange,
  pick: (row: StatsRowDto) => T,
  zero: T,
): (T & { day: string })[] {
  return daysIn(range).map((day) => {
    const row = rows.find((r) => sameDay(Number(r.key), day));
    return { ...(row ? pick(row) : zero), day: formatDay(day) };
  });
}

/** hour rows (bucket starts) → calls per local hour of the day, 00–23. */
export function callsByHourOfDay(rows: StatsRowDto[]): { hour: string; calls: number; errors: number }[] {
  const hours = Array.from({ length: 24 }, (_, h) => ({ hour: String(h).padStart(2, '0'), calls: 0, errors: 0 }));
  for (const row of rows) {
    const slot = hours[new Date(Number(row.key)).getHours()];
    if (slot) {
      slot.calls += row.calls;
      slot.errors += row.errors;
    }
  }
  return hours;
}
