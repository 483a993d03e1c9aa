import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { round } from '../summary';
import { buildIsFresh } from '../ui/freshness';
import { bareNode, cliCommand, timeColdStarts, type ColdTiming } from './cold-cli';
import { timeWebHostLaunches, type WebHostLaunch } from './web-host-launch';

export interface StartupResult {
  runs: number;
  /** out/ (the CLI timed) was at least as new as every source file. */
  buildFresh: boolean;
  node: ColdTiming;
  usageStats: ColdTiming;
  providersList: ColdTiming;
  /** Median ms of each CLI command, as the targets name them. */
  usageStatsMs: number;
  providersListMs: number;
  /** The slower command's median over `node -e 0`'s: the machine's own start-up cost divided out. */
  ratioToNode: number;
  /** The web host launched again and again (an error when it or Chromium could not be run). */
  webHost: WebHostLaunch | { error: string };
}

/** A data folder as a user's is after the first run: the database created and migrated. */
function prepareDataDir(log: (line: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'aditus-bench-startup-'));
  log(`startup: preparing ${dir}`);
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/aditus.cjs'), '--data-dir', dir, 'usage', 'stats'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`preparing the data folder failed: ${result.stderr.trim().slice(0, 500)}`);
  return dir;
}

/** `npm run build` when out/ is older than the sources (never with --skip-build); whether out/ is fresh. */
function ensureBuilt(skipBuild: boolean, log: (line: string) => void): boolean {
  const outDir = join(REPO_ROOT, 'out/renderer');
  if (!skipBuild && !buildIsFresh(outDir)) {
    log('startup: npm run build');
    const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${String(result.status)})`);
  }
  const fresh = buildIsFresh(outDir);
  if (!fresh) log('startup: warning: out/ is older than the sources; the CLI timed is not exactly this tree');
  return fresh;
}

/**
 * Cold start as a user meets it, on the built CLI (out/, built first when stale): fresh processes of
 * `aditus usage stats` and `aditus providers list` against `node -e 0`, then the web host's launches.
 */
export async function runStartup(o: {
  quick: boolean;
  skipBuild: boolean;
  log: (line: string) => void;
}): Promise<StartupResult> {
  const buildFresh = ensureBuilt(o.skipBuild, o.log);
  const dataDir = prepareDataDir(o.log);
  try {
    const runs = o.quick ? 9 : 21;
    o.log(`startup: ${runs} cold runs each of node -e 0, usage stats, providers list`);
    const usage = cliCommand('usage stats', dataDir, ['usage', 'stats']);
    const providers = cliCommand('providers list', dataDir, ['providers', 'list']);
    const timings = timeColdStarts([bareNode, usage, providers], runs);
    const node = timings.get(bareNode.name)!;
    const usageStats = timings.get(usage.name)!;
    const providersList = timings.get(providers.name)!;
    const launches = o.quick ? 3 : 7;
    o.log(`startup: ${launches} launches of aditus serve with Chromium`);
    let webHost: StartupResult['webHost'];
    try {
      webHost = await timeWebHostLaunches(dataDir, launches);
    } catch (err) {
      webHost = { error: err instanceof Error ? err.message : String(err) };
      o.log(`startup: web host launches failed: ${webHost.error}`);
    }
    return {
      runs,
      buildFresh,
      node,
      usageStats,
      providersList,
      usageStatsMs: usageStats.medianMs,
      providersListMs: providersList.medianMs,
      ratioToNode: round(Math.max(usageStats.medianMs, providersList.medianMs) / node.medianMs, 2),
      webHost,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
