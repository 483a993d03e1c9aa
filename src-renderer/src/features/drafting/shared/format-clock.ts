/** A time of day as hh:mm:ss (the "Saved 14:03:22" indicator). */
export function formatClock(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
