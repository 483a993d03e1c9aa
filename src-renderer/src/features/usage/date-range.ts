export type RangePreset = '7' | '30' | '90' | 'custom';

export interface DateRange {
  /** Local midnight of the first day (ms). */
  from: number;
  /** Local midnight after the last day (ms, exclusive). */
  to: number;
}

function localMidnight(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

/** "2025-03-14" → local midnight of that day, or null. */
export function parseDateInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function toDateInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The last `days` days including today, as whole local days (stable for a day, so queries are cached). */
export function presetRange(days: number, today = new Date()): DateRange {
  const end = addDays(localMidnight(today), 1);
  return { from: addDays(end, -days).getTime(), to: end.getTime() };
}

/** Inclusive custom dates → a range, or an error message. */
export function customRange(fromInput: string, toInput: string): DateRange | string {
  const from = parseDateInput(fromInput);
  const to = parseDateInput(toInput);
  if (!from || !to) return 'Pick a start and an end date';
  if (to < from) return 'The end date is before the start date';
  return { from: from.getTime(), to: addDays(to, 1).getTime() };
}

/** Every local day in the range (ms of each midnight). */
export function daysIn(range: DateRange): number[] {
  const days: number[] = [];
  for (let d = new Date(range.from); d.getTime() < range.to; d = addDays(d, 1)) days.push(d.getTime());
  return days;
}
