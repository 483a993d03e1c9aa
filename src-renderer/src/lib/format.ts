/** Display formatting shared by the admin pages. Everything returns plain strings (rendered as text). */

import { formatInteger } from '@shared/display-format';

export { formatDateTime, formatInteger, formatUsd } from '@shared/display-format';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 1234567 → "1.2M" (axis ticks, tight cells). */
export function formatCompact(n: number): string {
  return compact.format(n);
}

export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short' });

/** A local day as "12 Mar". */
export function formatDay(ms: number): string {
  return dayMonth.format(ms);
}

/** Remaining time as m:ss (or h:mm:ss). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** "today", "1 day ago", "12 days ago". */
export function formatAge(sinceMs: number, now: number): string {
  const days = Math.floor((now - sinceMs) / DAY_MS);
  if (days <= 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** "1 call", "3 calls" (the count formatted with thousands separators). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}
