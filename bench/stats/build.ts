import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src-main/db/client';
import { REPO_ROOT } from '../paths';
import { DATA_VERSION, SEED, type StatsSize } from './params';

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
  /** The database file with its WAL, on disk, MB. */
  sizeOnDiskMb: number;
}

interface Sidecar {
  dataVersion: number;
  events: number;
  days: number;
  seed: number;
  endMs: number;
}

const SIDECAR = 'bench-stats.json';

function readSidecar(dataDir: string, size: StatsSize): Sidecar | null {
  const path = join(dataDir, SIDECAR);
  if (!existsSync(path) || !existsSync(join(dataDir, DATABASE_FILE))) return null;
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as Partial<Sidecar>;
    const complete =
      s.dataVersion === DATA_VERSION && s.events === size.events && s.days === size.days && s.seed === SEED;
    return complete && typeof s.endMs === 'number' ? (s as Sidecar) : null;
  } catch {
    return null;
  }
}

/** The database file and its WAL and shared-memory files, MB. */
export function sizeOnDiskMb(dataDir: string): number {
  let bytes = 0;
  for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
    const path = join(dataDir, file);
    if (existsSync(path)) bytes += statSync(path).size;
  }
  return Math.round(bytes / 1e5) / 10;
}

function runBuildChild(
  dataDir: string,
  size: StatsSize,
  endMs: number,
): Promise<{ buildSeconds: number; peakRssMb: number }> {
  const args = ['bench/stats/build-child.ts', dataDir, String(endMs), String(size.events), String(size.days)];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
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
 * The stats database (`size.events` events over `size.days` days), built through the real UsageLog's
 * group commit (each event with its rollups) in a child process. Reused when a complete one of that size is
 * present: the sidecar file is written last, so an interrupted build is started again.
 */
export async function ensureStatsDb(o: {
  dataDir: string;
  size: StatsSize;
  rebuild: boolean;
  log: (line: string) => void;
}): Promise<StatsDbInfo> {
  const existing = o.rebuild ? null : readSidecar(o.dataDir, o.size);
  const base = { dataDir: o.dataDir, events: o.size.events, days: o.size.days };
  if (existing) {
    o.log(`stats: reusing ${join(o.dataDir, DATABASE_FILE)}`);
    const sizeMb = sizeOnDiskMb(o.dataDir);
    return {
      ...base,
      endMs: existing.endMs,
      built: false,
      buildSeconds: null,
      buildPeakRssMb: null,
      sizeOnDiskMb: sizeMb,
    };
  }
  mkdirSync(o.dataDir, { recursive: true });
  for (const file of [SIDECAR, DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`])
    rmSync(join(o.dataDir, file), { force: true });
  const endMs = Date.now();
  o.log(`stats: building ${o.size.events.toLocaleString('en')} events over ${o.size.days} days in ${o.dataDir}`);
  const built = await runBuildChild(o.dataDir, o.size, endMs);
  const sidecar: Sidecar = { dataVersion: DATA_VERSION, events: o.size.events, days: o.size.days, seed: SEED, endMs };
  writeFileSync(join(o.dataDir, SIDECAR), JSON.stringify(sidecar, null, 2));
  return {
    ...base,
    endMs,
    built: true,
    buildSeconds: built.buildSeconds,
    buildPeakRssMb: built.peakRssMb,
    sizeOnDiskMb: sizeOnDiskMb(o.dataDir),
  };
}
