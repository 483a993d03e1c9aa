import type { StatsRowDto } from '@contract';
import { daysIn, type DateRange } from './date-range';
import { formatDay } from '../../lib/format';

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

/** One drawn series: its data key, its legend and tooltip label, a Mantine colour ("indigo.6"). */
export interface ChartSeries {
  name: string;
  label: string;
  color: string;
}

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length] ?? 'gray.6';
}

/** A local day's identity, for matching rollup day keys to the range's days. */
const dayId = (ms: number): string => new Date(ms).toDateString();

/** Rows by the local day of their key (a day's bucket start), in one pass. */
function rowsByDay(rows: StatsRowDto[]): Map<string, StatsRowDto[]> {
  const byDay = new Map<string, StatsRowDto[]>();
  for (const row of rows) {
    const id = dayId(Number(row.key));
    const list = byDay.get(id);
    if (list) list.push(row);
    else byDay.set(id, [row]);
  }
  return byDay;
}

/**
 * provider_day rows → one point a day with one synthetic key per provider (`s0`, `s1`…: provider names may
 * hold dots, which chart libraries read as paths), and the series to draw.
 */
export function pivotByDay(
  rows: StatsRowDto[],
  range: DateRange,
  value: (row: StatsRowDto) => number,
): { data: Record<string, string | number>[]; series: ChartSeries[] } {
  const names = [...new Set(rows.map((r) => r.series ?? r.key))].sort();
  const keyOf = new Map(names.map((n, i) => [n, `s${i}`]));
  const byDay = rowsByDay(rows);
  const data = daysIn(range).map((day) => {
    const point: Record<string, string | number> = { day: formatDay(day) };
    for (const [, key] of keyOf) point[key] = 0;
    for (const row of byDay.get(dayId(day)) ?? []) {
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
  const byDay = rowsByDay(rows);
  return daysIn(range).map((day) => {
    const row = byDay.get(dayId(day))?.[0];
    return { ...(row ? pick(row) : zero), day: formatDay(day) };
  });
}

/**
 * hour_of_day rows ("00"–"23", local time) → all 24 hours, in order (hours without calls are zero). Errors are
 * some of the calls: `succeeded` and `errors` add up to `calls`.
 */
export function callsByHourOfDay(
  rows: StatsRowDto[],
): { hour: string; calls: number; succeeded: number; errors: number }[] {
  const byHour = new Map(rows.map((r) => [r.key, r]));
  return Array.from({ length: 24 }, (_, h) => {
    const hour = String(h).padStart(2, '0');
    const calls = byHour.get(hour)?.calls ?? 0;
    const errors = Math.min(byHour.get(hour)?.errors ?? 0, calls);
    return { hour, calls, succeeded: calls - errors, errors };
  });
}
