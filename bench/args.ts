import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { STATS_DAYS, STATS_EVENTS, statsDirName, type StatsSize } from './stats/params';

export const SECTIONS = ['stats', 'scale', 'logging', 'overhead', 'ui', 'large-input', 'startup'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  quick: boolean;
  json: boolean;
  /** The data folder of the stats database (its file is `aditus.db`, the app's own name). */
  statsDataDir: string;
  /** How many events over how many days the stats database holds (default 1,000,000 over 90). */
  statsSize: StatsSize;
  /** Rebuild the stats database even when a complete one is present. */
  rebuild: boolean;
  /** Time the UI on the renderer already in out/ instead of running `npm run build` first. */
  skipBuild: boolean;
  sections: ReadonlySet<Section>;
}

const BENCH_DIR = join(tmpdir(), 'aditus-bench');
/** Where a size's database is kept unless `--db` says otherwise (one folder per size, so each is reused). */
export const defaultStatsDir = (size: StatsSize): string => join(BENCH_DIR, statsDirName(size));
const DB_FILE = 'aditus.db';

export const USAGE = `Usage: npm run bench -- [--quick] [--json] [--events N] [--days N] [--db PATH] [--rebuild] [--skip-build] [--only LIST]
  --quick     smaller request counts (under 3 minutes)
  --json      print one JSON object as the last line of stdout
  --events N  usage events in the stats database (default ${STATS_EVENTS.toLocaleString('en')}; 10m, 250k allowed)
  --days N    days they are spread over, ending now (default ${STATS_DAYS})
  --db PATH   the stats database: a data folder, or a file named ${DB_FILE} in one
              (default ${join(BENCH_DIR, statsDirName({ events: STATS_EVENTS, days: STATS_DAYS }), DB_FILE)}, or
              stats-10m-400d for --events 10m --days 400); reused when complete
  --rebuild   build the stats database again even when it is present
  --skip-build  time the UI and the start-up on what is already in out/ (default: npm run build first)
  --only LIST run only these sections (comma-separated: stats, scale, logging, overhead, ui, large-input, startup;
              scale = the stats queries on 10,000,000 events over 400 days, left out of --quick unless named)`;

/** `--db` takes the database file (which must be `aditus.db`, so `aditus --data-dir` opens it) or its folder. */
function statsDirFrom(path: string | undefined, size: StatsSize): string {
  if (path === undefined) return defaultStatsDir(size);
  if (!path.endsWith('.db')) return path;
  if (basename(path) !== DB_FILE)
    throw new Error(`--db: the file must be named ${DB_FILE} (the app's own name), got ${basename(path)}`);
  return dirname(path);
}

/** Every section, but a quick run leaves out `scale` (building its 10M-event database takes minutes) unless named. */
function sectionsFrom(list: string | undefined, quick: boolean): Set<Section> {
  if (list === undefined) return new Set(SECTIONS.filter((s) => !(quick && s === 'scale')));
  const chosen = new Set<Section>();
  for (const name of list.split(',').map((s) => s.trim())) {
    const section = SECTIONS.find((s) => s === name);
    if (!section) throw new Error(`--only: unknown section "${name}" (known: ${SECTIONS.join(', ')})`);
    chosen.add(section);
  }
  return chosen;
}

/** A positive whole count, with an optional k (thousand) or m (million) suffix. */
function countFrom(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const match = /^(\d+(?:\.\d+)?)([km]?)$/iu.exec(text.trim().replaceAll(',', '').replaceAll('_', ''));
  const scale = { '': 1, k: 1_000, m: 1_000_000 }[match?.[2]?.toLowerCase() ?? ''] ?? 1;
  const n = match ? Math.round(Number(match[1]) * scale) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${option}: expected a positive whole number, got "${text}"`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
      events: { type: 'string' },
      days: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const statsSize = {
    events: countFrom('--events', values.events, STATS_EVENTS),
    days: countFrom('--days', values.days, STATS_DAYS),
  };
  return {
    quick: values.quick,
    json: values.json,
    statsDataDir: statsDirFrom(values.db, statsSize),
    statsSize,
    rebuild: values.rebuild,
    skipBuild: values['skip-build'],
    sections: sectionsFrom(values.only, values.quick),
  };
}
