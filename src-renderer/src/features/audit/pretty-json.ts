import { formatDateTime } from '../../lib/format';

/** Epoch milliseconds between 2000 and 2100: what a time field (`createdAt`, `lockedUntil`…) holds. */
const EPOCH_MS = { min: 946_684_800_000, max: 4_102_444_800_000 };
const TIME_KEY = /(?:^at|At|Until)$/u;

/** A time field's epoch milliseconds as the app shows dates and times; every other value as it is. */
function readableTimes(key: string, value: unknown): unknown {
  return typeof value === 'number' && TIME_KEY.test(key) && value >= EPOCH_MS.min && value < EPOCH_MS.max
    ? formatDateTime(value)
    : value;
}

/**
 * Audit before/after values are JSON strings; show them indented, with time fields in the app's date-time
 * format (or as-is if they are not JSON).
 */
export function prettyJson(text: string | null): string {
  if (text === null) return '—';
  try {
    return JSON.stringify(JSON.parse(text) as unknown, readableTimes, 2);
  } catch {
    return text;
  }
}
