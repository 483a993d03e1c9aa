/**
 * The buckets of the monthly rollups: "month windows", fixed spans of UTC time independent of the time zone,
 * each starting 12 h before a UTC month starts. A daily row (a local midnight) or an hourly one belongs to
 * the window its bucket_start falls in. Fixed in UTC, a window holds the same rows whatever time zone
 * wrote or reads them, so a range is exactly its whole windows plus the rows before and after them; the
 * 12 h shift makes a window hold exactly one local calendar month's days in zones from UTC−12 to UTC+12.
 * (The SQL of the backfill migration, 0019, computes the same windows.)
 */
const SHIFT_MS = 12 * 3_600_000;

/** The start of the window `ms` falls in. */
export function monthWindowStart(ms: number): number {
  const d = new Date(ms + SHIFT_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - SHIFT_MS;
}

/** The start of the window after the one starting at `start`. */
export function nextMonthWindow(start: number): number {
  const d = new Date(start + SHIFT_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - SHIFT_MS;
}

/** The whole windows inside [from, to) as one span [from, to) of window starts, or null when none fits. */
export function wholeWindows(from: number, to: number): { from: number; to: number } | null {
  let first = monthWindowStart(from);
  if (first < from) first = nextMonthWindow(first);
  let end = first;
  while (nextMonthWindow(end) <= to) end = nextMonthWindow(end);
  return end > first ? { from: first, to: end } : null;
}
