import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src-main/db/client';
import { REPO_ROOT } from '../paths';
import { DATA_VERSION, SEED, STATS_DAYS, STATS_EVENTS } from './params';

export interface StatsDbInfo {
  dataDir: string;
  events: number;
  days: number;
  /** The newest event is just before this (ms). */
  endMs: number;
  built: boolean;
  buildSeconds: number | null;
  /** Peak RSS of the build process, MB (null when the database was reused). */
  buildPeakRssMb: number | null;
}

interface Sidecar {
  dataVersion: number;
  events: number;
  days: number;
  seed: number;
  endMs: number;
}

const SIDECAR = 'bench-stats.json';

function readSidecar(dataDir: string): Sidecar | null {
  const path = join(dataDir, SIDECAR);
  if (!existsSync(path) || !existsSync(join(dataDir, DATABASE_FILE))) return null;
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as Partial<Sidecar>;
    const complete =
      s.dataVersion === DATA_VERSION && s.events === STATS_EVENTS && s.days === STATS_DAYS && s.seed === SEED;
    return complete && typeof s.endMs === 'number' ? (s as Sidecar) : null;
  } catch {
    return null;
  }
}

function runBuildChild(dataDir: string, endMs: number): Promise<{ buildSeconds: number; peakRssMb: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/stats/build-child.ts', dataDir, String(endMs)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the stats build exited with ${String(code)}`));
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as { buildSeconds: number; peakRssMb: number });
      } catch {
        reject(new Error(`the stats build printed no result: ${last.slice(0, 200)}`));
      }
    });
  });
}

/**
 * The 1M-event database, built through the real UsageLog (each event with its hourly and daily rollups) in
 * a child process. Reused when a complete one is present: the sidecar file is written last, so an
 * interrupted build is started again.
 */
export async function ensureStatsDb(o: {
  dataDir: string;
  rebuild: boolean;
  log: (line: string) => void;
}): Promise<StatsDbInfo> {
  const existing = o.rebuild ? null : readSidecar(o.dataDir);
  const base = { dataDir: o.dataDir, events: STATS_EVENTS, days: STATS_DAYS };
  if (existing) {
    o.log(`stats: reusing ${join(o.dataDir, DATABASE_FILE)}`);
    return { ...base, endMs: existing.endMs, built: false, buildSeconds: null, buildPeakRssMb: null };
  }
  mkdirSync(o.dataDir, { recursive: true });
  for (const file of [SIDECAR, DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`])
    rmSync(join(o.dataDir, file), { force: true });
  const endMs = Date.now();
  o.log(`stats: building ${STATS_EVENTS.toLocaleString('en')} events in ${o.dataDir}`);
  const built = await runBuildChild(o.dataDir, endMs);
  const sidecar: Sidecar = { dataVersion: DATA_VERSION, events: STATS_EVENTS, days: STATS_DAYS, seed: SEED, endMs };
  writeFileSync(join(o.dataDir, SIDECAR), JSON.stringify(sidecar, null, 2));
  return { ...base, endMs, built: true, buildSeconds: built.buildSeconds, buildPeakRssMb: built.peakRssMb };
}
