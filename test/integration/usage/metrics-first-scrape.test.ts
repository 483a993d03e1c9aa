import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { FakeClock } from '../../../src-main/clock';
import { MemorySecretStore } from '../../../src-main/secrets/memory-store';
import { usageEvent } from '../../fixtures/reliability/usage-event';
import { tempDir } from '../../helpers/temp';

const HOUR = 3_600_000;
const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** The metric samples of a process's first scrape over `dataDir` (a new core, as `aditus metrics` is). */
async function firstScrape(dataDir: string, now: number): Promise<string[]> {
  const core = createCore({ dataDir, secrets: new MemorySecretStore(), clock: new FakeClock(now), log: () => {} });
  try {
    return (await core.services.metrics.text()).split('\n').filter((l) => l && !l.startsWith('#'));
  } finally {
    core.close();
  }
}

/**
 * A process's first scrape reads the days before today from the per-type daily rollups and today's hours
 * from the hourly ones; in a half-hour time zone it sums every hour. Both must report the same ledger.
 */
describe('the first Prometheus scrape of a process', () => {
  it('reports the same totals from the daily rollups as from every hour of the ledger', async () => {
    const { dir, cleanup } = tempDir();
    try {
      process.env.TZ = 'Europe/Berlin';
      const now = Date.UTC(2026, 2, 30, 15, 20);
      const writer = createCore({
        dataDir: dir,
        secrets: new MemorySecretStore(),
        clock: new FakeClock(now),
        log: () => {},
      });
      // 400 events over the last ten days (across the daylight-saving change) and today, up to now.
      for (let n = 0; n < 400; n++)
        writer.services.usageLog.enqueue({ ...usageEvent(n, 'scrape'), createdAt: now - 240 * HOUR + n * 0.6 * HOUR });
      writer.services.usageLog.flush();
      writer.close();

      const fromDays = await firstScrape(dir, now);
      process.env.TZ = 'Asia/Kolkata';
      const fromHours = await firstScrape(dir, now);
      expect(fromDays).toEqual(fromHours);
      const calls = fromDays
        .filter((l) => l.startsWith('ai_provider_api_calls_total'))
        .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
      expect(calls).toBe(400);
    } finally {
      cleanup();
    }
  });
});
