import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../fixtures/reliability/open-store';
import { tempDir } from '../helpers/temp';
import { integrity, rollupTotals } from './support/db-health';
import { killLoop } from './support/kill-loop';
import { killRounds, seededRandom, testSeed } from './support/prng';

describe.each(['record', 'enqueue'])('kill -9 while usage events are being logged (%s)', (mode) => {
  const seed = testSeed();
  const random = seededRandom(seed);
  const rounds = killRounds();
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('aditus-kill9-usage-'));
    openStore(dir).close(); // migrated once up front, as the app would have done
  });
  afterAll(() => cleanup());

  it(
    `keeps every event whose id was printed as committed, across ${rounds} kills (seed ${seed})`,
    async () => {
      const printed = new Set<number>();
      await killLoop({
        script: 'usage-writer.ts',
        args: [dir, '0', mode],
        rounds,
        random,
        minLines: 3,
        maxDelayMs: 120,
        afterKill: (lines, round) => {
          for (const line of lines) printed.add(Number(line));
          const store = openStore(dir); // reopening recovers the WAL, as the app does at start
          try {
            const where = `seed ${seed}, round ${round}`;
            expect(integrity(store.sqlite), where).toBe('ok');
            const stored = new Set(store.sqlite.prepare('SELECT id FROM usage_events').pluck().all() as number[]);
            expect(
              [...printed].filter((id) => !stored.has(id)),
              `${where}: printed but missing`,
            ).toEqual([]);
            // Each event and its two rollups commit together: no half-written call survives a kill.
            const totals = rollupTotals(store.sqlite);
            expect(totals.daily, where).toBe(totals.events);
            expect(totals.hourly, where).toBe(totals.events);
            expect(totals.hourTotals, where).toBe(totals.events);
            expect(totals.perDimension, where).toBe(4 * totals.events);
          } finally {
            store.close();
          }
        },
      });
      expect(printed.size).toBeGreaterThan(rounds * 3);
    },
    rounds * 10_000,
  );
});
