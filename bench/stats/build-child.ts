/**
 * Builds the stats database in its own process (so the build's memory is not charged to the dashboard
 * queries): node --import tsx bench/stats/build-child.ts DATA_DIR END_MS
 * The last stdout line is JSON: { events, buildSeconds, peakRssMb }.
 */
import { benchCore } from '../bench-core';
import { PeakRss } from '../memory';
import { FLEET } from './fleet';
import { BUILD_BATCH, SEED, STATS_DAYS, STATS_EVENTS } from './params';
import { syntheticEvents, type FleetMember } from './synthetic';

async function build(dataDir: string, endMs: number): Promise<void> {
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
    const events = syntheticEvents({
      count: STATS_EVENTS,
      days: STATS_DAYS,
      endMs,
      fleet,
      pricing: core.services.pricing,
      seed: SEED,
    });
    const { sqlite } = core.store;
    // BUILD_BATCH events per transaction: each UsageLog.record nests as a savepoint inside it.
    const writeBatch = sqlite.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        const next = events.next();
        if (next.done) return;
        core.services.usageLog.record(next.value);
      }
    });
    for (let done = 0; done < STATS_EVENTS; done += BUILD_BATCH) {
      writeBatch.immediate(Math.min(BUILD_BATCH, STATS_EVENTS - done));
      peak.sample();
      if (done % 100_000 === 0) process.stderr.write(`stats: built ${done.toLocaleString('en')} events\n`);
    }
    // No ANALYZE: the app never runs it, so the queries are timed with the plans a user's database gets.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    bench.close();
  }
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  process.stdout.write(`${JSON.stringify({ events: STATS_EVENTS, buildSeconds, peakRssMb: peak.mb() })}\n`);
}

const [dataDir, endMs] = process.argv.slice(2);
if (!dataDir || !endMs || !Number.isFinite(Number(endMs))) {
  process.stderr.write('usage: build-child.ts DATA_DIR END_MS\n');
  process.exit(2);
}
// No top-level await: the package is CommonJS, so tsx compiles this file to CJS.
build(dataDir, Number(endMs)).catch((err: unknown) => {
  process.stderr.write(`stats build failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
