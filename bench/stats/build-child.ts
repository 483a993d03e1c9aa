/**
 * Builds the stats database in its own process (so the build's memory is not charged to the dashboard
 * queries): node --import tsx bench/stats/build-child.ts DATA_DIR END_MS EVENTS DAYS
 * Progress goes to stderr; the last stdout line is JSON: { events, buildSeconds, peakRssMb }.
 */
import { benchCore } from '../bench-core';
import { PeakRss } from '../memory';
import { FLEET } from './fleet';
import { BUILD_BATCH, SEED } from './params';
import { syntheticEvents, type FleetMember } from './synthetic';

const PROGRESS_EVERY = 500_000;

async function build(dataDir: string, endMs: number, count: number, days: number): Promise<void> {
  const started = performance.now();
  const peak = new PeakRss();
  const bench = benchCore(dataDir);
  try {
    const { core } = bench;
    const fleet: FleetMember[] = [];
    for (const config of FLEET) {
      const row = await core.services.providers.create(config, undefined, 'bench');
      fleet.push({ configId: row.id, name: row.name, kind: row.kind, model: row.model });
    }
    const events = syntheticEvents({ count, days, endMs, fleet, pricing: core.services.pricing, seed: SEED });
    const { usageLog } = core.services;
    // The app's own write path: events queued, then one group commit writes them with each rollup row they
    // touch once (BUILD_BATCH events per transaction; the app commits the events of up to 50 ms together).
    let done = 0;
    for (const event of events) {
      usageLog.enqueue(event);
      done++;
      if (done % BUILD_BATCH !== 0 && done !== count) continue;
      if (!usageLog.flush()) throw new Error('the stats build could not commit a batch');
      peak.sample();
      if (done % PROGRESS_EVERY === 0 || done === count) {
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(
          `stats: built ${done.toLocaleString('en')} of ${count.toLocaleString('en')} events ` +
            `(${Math.round(done / seconds).toLocaleString('en')}/s)\n`,
        );
      }
    }
    // No ANALYZE: the app never runs it, so the queries are timed with the plans a user's database gets.
    core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    bench.close();
  }
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  process.stdout.write(`${JSON.stringify({ events: count, buildSeconds, peakRssMb: peak.mb() })}\n`);
}

const [dataDir, endMs, count, days] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a)));
const positive = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
if (typeof dataDir !== 'string' || !positive(endMs) || !positive(count) || !positive(days)) {
  process.stderr.write('usage: build-child.ts DATA_DIR END_MS EVENTS DAYS\n');
  process.exit(2);
}
// No top-level await: the package is CommonJS, so tsx compiles this file to CJS.
build(dataDir, endMs, count, days).catch((err: unknown) => {
  process.stderr.write(`stats build failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
