/**
 * How the app writes numbers and dates for people, in main (error messages, the CLI) and the renderer alike,
 * so a date or a token count reads the same wherever it is shown.
 *
 * The Intl formatters are made on first use: building them loads locale data (~20 ms), a cost every CLI
 * command paid at start-up though most never format a date.
 */
let integer: Intl.NumberFormat | null = null;

export function formatInteger(n: number): string {
  integer ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return integer.format(n);
}

const usdByDigits = new Map<number, Intl.NumberFormat>();
const usd = (digits: number): Intl.NumberFormat => {
  let format = usdByDigits.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 2,
      maximumFractionDigits: digits,
    });
    usdByDigits.set(digits, format);
  }
  return format;
};

/** USD with enough digits for tiny per-call costs: $0.000123, $1.23, $1,234.56. */
export function formatUsd(amount: number): string {
  const abs = Math.abs(amount);
  return usd(abs === 0 ? 2 : abs < 0.01 ? 6 : abs < 1 ? 4 : 2).format(amount);
}

let dateTime: Intl.DateTimeFormat | null = null;

/** A moment in local time: "04 Dec 2026, 00:00:00". */
export function formatDateTime(ms: number): string {
  dateTime ??= new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return dateTime.format(ms);
}
