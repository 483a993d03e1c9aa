import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { round } from '../summary';
import { bundleSize, type BundleSize } from './bundle';
import { buildIsFresh } from './freshness';
import { serveUi } from './serve';
import { timeUsagePage, type UsagePageTiming } from './usage-page';

export type UiResult = UsagePageTiming &
  BundleSize & {
    /** The 1M-event data folder the page was served from. */
    dataDir: string;
    /** Seconds `npm run build` took, or null when out/ was used as it was. */
    buildSeconds: number | null;
    /** out/ was at least as new as every source file when timed. */
    buildFresh: boolean;
    /** How old the newest event is: the page shows the last 30 days from today. */
    dataAgeHours: number;
  };

const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');

/** `npm run build`: the renderer measured is the one in this tree, not whatever out/ held. */
function build(log: (line: string) => void): number {
  log('ui: npm run build');
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${String(result.status)})`);
  return round((performance.now() - started) / 1000);
}

/**
 * Builds first (the full run always; --quick only when out/ is older than the sources; never with
 * --skip-build), then times the Usage page on the 1M-event database and measures the renderer's JS.
 */
export async function runUi(o: {
  dataDir: string;
  dataEndMs: number;
  quick: boolean;
  skipBuild: boolean;
  log: (line: string) => void;
}): Promise<UiResult> {
  const needsBuild = !o.skipBuild && (!o.quick || !buildIsFresh(RENDERER_DIR));
  const buildSeconds = needsBuild ? build(o.log) : null;
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run npm run build');
  const buildFresh = buildIsFresh(RENDERER_DIR);
  if (!buildFresh) o.log('ui: warning: out/ is older than the sources; the UI timed is not exactly this tree');
  const bundle = bundleSize(RENDERER_DIR);
  o.log(`ui: aditus serve on ${o.dataDir}`);
  const served = await serveUi(o.dataDir);
  try {
    const timing = await timeUsagePage(served.url, o.quick ? 3 : 5);
    const dataAgeHours = round((Date.now() - o.dataEndMs) / 3_600_000);
    return { ...timing, ...bundle, dataDir: o.dataDir, buildSeconds, buildFresh, dataAgeHours };
  } finally {
    await served.close();
  }
}
