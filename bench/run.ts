/**
 * npm run bench [-- --quick] [--json] [--events N] [--days N] [--db PATH] [--rebuild] [--skip-build] [--only a,b]
 * Sections run in this order: stats (its peak RSS is the process's so far), scale, logging, overhead, ui, large-input, startup.
 * Progress goes to stderr; the table to stdout; with --json, one JSON object is the last stdout line.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultStatsDir, parseBenchArgs, USAGE, type BenchArgs } from './args';
import { runLargeInput } from './large-input';
import { runLogging } from './logging';
import { currentLoad, describeMachine } from './machine';
import { PeakRss } from './memory';
import { runOverheadBuilt } from './overhead/built-child';
import { REPO_ROOT } from './paths';
import { checkTargets, failed, formatReport, type BenchReport, type Section } from './report';
import { runStartup } from './startup';
import { runStats } from './stats';
import { ensureStatsDb } from './stats/build';
import { SCALE_SIZE } from './stats/params';
import { runUi } from './ui';

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function section<T>(name: string, run: () => Promise<T>): Promise<Section<T>> {
  try {
    return await run();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`${name} failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
    return { error: message };
  }
}

const USAGE_PAGE = join(REPO_ROOT, 'src-renderer/src/features/usage/UsagePage.tsx');

async function bench(args: BenchArgs, argv: string[]): Promise<BenchReport> {
  const machine = describeMachine();
  const peak = new PeakRss();
  const want = (s: string) => (args.sections as ReadonlySet<string>).has(s);
  const stats = want('stats')
    ? await section('stats', () =>
        runStats({
          dataDir: args.statsDataDir,
          size: args.statsSize,
          rebuild: args.rebuild,
          quick: args.quick,
          peak,
          log,
        }),
      )
    : null;
  // The scale target: the same queries on a 10M-event, 400-day database of its own (cached like the other).
  const scale = want('scale')
    ? await section('scale', () =>
        runStats({
          dataDir: defaultStatsDir(SCALE_SIZE),
          size: SCALE_SIZE,
          rebuild: args.rebuild,
          quick: args.quick,
          peak: new PeakRss(),
          log,
        }),
      )
    : null;
  const memory = stats && !failed(stats) ? { peakRssMb: peak.mb(), buildPeakRssMb: stats.db.buildPeakRssMb } : null;
  const logging = want('logging') ? await section('logging', () => runLogging({ quick: args.quick, log })) : null;
  const overhead = want('overhead')
    ? await section('overhead', () => runOverheadBuilt({ quick: args.quick, log }))
    : null;
  // The UI section needs the Usage page (src-renderer/src/features/usage); without it the field stays null.
  const ui =
    want('ui') && existsSync(USAGE_PAGE)
      ? await section('ui', async () => {
          const db = await ensureStatsDb({ dataDir: args.statsDataDir, size: args.statsSize, rebuild: false, log });
          return runUi({ dataDir: db.dataDir, dataEndMs: db.endMs, quick: args.quick, skipBuild: args.skipBuild, log });
        })
      : null;
  const largeInput = want('large-input')
    ? await section('large input', () => runLargeInput({ quick: args.quick, log }))
    : null;
  const startup = want('startup')
    ? await section('startup', () => runStartup({ quick: args.quick, skipBuild: args.skipBuild, log }))
    : null;
  machine.loadAvgEnd = currentLoad();
  const partial = {
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
    quick: args.quick,
    machine,
    stats,
    scale,
    memory,
    logging,
    overhead,
    ui,
    largeInput,
    startup,
  };
  return { ...partial, targets: checkTargets(partial) };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let args: BenchArgs | 'help';
  try {
    args = parseBenchArgs(argv);
  } catch (err) {
    log(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const report = await bench(args, argv);
  process.stdout.write(`${formatReport(report)}\n`);
  if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  const sections = [
    report.stats,
    report.scale,
    report.logging,
    report.overhead,
    report.ui,
    report.largeInput,
    report.startup,
  ];
  return sections.some((s) => failed(s)) ? 1 : 0;
}

// No top-level await: the package is CommonJS, so tsx compiles this file to CJS.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
