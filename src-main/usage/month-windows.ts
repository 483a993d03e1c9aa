/**
 * The buckets of the monthly rollups: "month windows", fixed spans of UTC time independent of the time zone,
 * each starting 12 h before a UTC month starts. A daily row (a local midnight) or an hourly one belongs to
 * the window its bucket_start falls in. Fixed in UTC, a window holds the same rows whatever time zone
 * wrote or reads them, so a range is exactly its whole windows plus the rows before and after them; the
 * 12 h shift makes a window hold exactly one local calendar month's days in zones from UTC−11 to UTC+12 (at
 * UTC−12 and UTC+13/+14 a month's last or first local day falls in the neighbouring window: still exact, since
 * reads and writes split on the same bucket_start, only less often whole).
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

/** The window of the last time asked about: a group commit's events nearly all fall in one. */
let lastWindow = { from: 0, to: 0 };

/** monthWindowStart, remembering the last window (for the group commit, many times a second). */
export function cachedMonthWindowStart(ms: number): number {
  if (ms < lastWindow.from || ms >= lastWindow.to) {
    const from = monthWindowStart(ms);
    lastWindow = { from, to: nextMonthWindow(from) };
  }
  return lastWindow.from;
}

/** monthWindowStart as an SQL expression of the integer expression `ms` (the same windows, by SQLite's calendar). */
export const monthWindowStartSql = (ms: string): string =>
  `(CAST(strftime('%s', (${ms} + ${SHIFT_MS}) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - ${SHIFT_MS})`;

/** nextMonthWindow as an SQL expression of the window start `start`. */
export const nextMonthWindowSql = (start: string): string =>
  `(CAST(strftime('%s', (${start} + ${SHIFT_MS}) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - ${SHIFT_MS})`;
