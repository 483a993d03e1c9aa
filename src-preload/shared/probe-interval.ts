/** The bounds `providers:set-probe` accepts (the contract's PROBE_EVERY_MIN_MS / PROBE_EVERY_MAX_MS). */
const PROBE_EVERY_MIN_MS = 60_000;
const PROBE_EVERY_MAX_MS = 86_400_000;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `5m`, `90s`, `1h`, `1d` → ms; `off` → null; anything else (or outside 1 minute … 1 day) → an Error saying why. */
export function parseProbeEvery(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (value === 'off') return null;
  const match = /^(\d+)\s*([smhd])$/u.exec(value);
  if (!match) throw new Error(`"${text}" is not an interval: use e.g. 5m, 30m, 1h, or off`);
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms < PROBE_EVERY_MIN_MS || ms > PROBE_EVERY_MAX_MS)
    throw new Error(`the probe interval must be between 1m and 1d (got ${text})`);
  return ms;
}

/** ms → the shortest exact `5m` / `1h` form; null → `off`. */
export function formatProbeEvery(ms: number | null): string {
  if (ms === null) return 'off';
  for (const unit of ['d', 'h', 'm', 's'] as const) if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  return `${ms}ms`;
}
