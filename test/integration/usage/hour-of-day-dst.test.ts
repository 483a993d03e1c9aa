import { afterAll, describe, expect, it } from 'vitest';
import { usageEvent } from '../../fixtures/reliability/usage-event';
import { testCore } from '../../helpers/core';

const HOUR = 3_600_000;
const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/**
 * The peak-hours chart (hour_of_day) over weeks that cross a daylight-saving change: each hour bucket
 * counts in the local hour its start falls in, as the Usage page shows it, in zones with whole-hour,
 * half-hour and half-hour-DST offsets.
 */
describe.each(['Europe/Berlin', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'])(
  'hour_of_day in %s',
  (zone) => {
    it('matches each event counted in the local hour of its hour bucket, and the other groupings’ totals', () => {
      process.env.TZ = zone;
      const t = testCore();
      try {
        // 2026-03-01 to 2026-04-12 local: the EU, North American and Lord Howe changes fall inside.
        const range = { from: new Date(2026, 2, 1).getTime(), to: new Date(2026, 3, 12).getTime() };
        const events = [];
        for (let n = 0, at = range.from + 60_000; at < range.to; n++, at += 47 * 60_000)
          events.push({ ...usageEvent(n, 'dst'), createdAt: at });
        for (const e of events) t.core.services.usageLog.enqueue(e);
        t.core.services.usageLog.flush();

        const expected = new Map<string, number>();
        for (const e of events) {
          // Rollups are per UTC hour: where local midnight is on a half hour, the range holds whole buckets.
          const bucket = e.createdAt - (e.createdAt % HOUR);
          if (bucket < range.from || bucket >= range.to) continue;
          const key = String(new Date(bucket).getHours()).padStart(2, '0');
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        const { stats } = t.core.services;
        const byHourOfDay = stats.query(range, 'hour_of_day');
        expect(byHourOfDay.groups.map((g) => [g.key, g.calls])).toEqual(
          [...expected].sort(([a], [b]) => (a < b ? -1 : 1)),
        );
        if (range.from % HOUR === 0) expect(byHourOfDay.totals).toEqual(stats.query(range, 'provider').totals);
        expect(stats.dashboard(range).byHourOfDay).toEqual(byHourOfDay.groups);
      } finally {
        t.cleanup();
      }
    });
  },
);
