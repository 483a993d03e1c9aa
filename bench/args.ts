import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const SECTIONS = ['stats', 'logging', 'overhead', 'ui', 'startup'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  quick: boolean;
  json: boolean;
  /** The data folder of the 1M-event database (its file is `aditus.db`, the app's own name). */
  statsDataDir: string;
  /** Rebuild the stats database even when a complete one is present. */
  rebuild: boolean;
  /** Time the UI on the renderer already in out/ instead of running `npm run build` first. */
  skipBuild: boolean;
  sections: ReadonlySet<Section>;
}

export const DEFAULT_STATS_DIR = join(tmpdir(), 'aditus-bench', 'stats-1m');
const DB_FILE = 'aditus.db';

export const USAGE = `Usage: npm run bench -- [--quick] [--json] [--db PATH] [--rebuild] [--skip-build] [--only LIST]
  --quick     smaller request counts (under 3 minutes)
  --json      print one JSON object as the last line of stdout
  --db PATH   the 1M-event database: a data folder, or a file named ${DB_FILE} in one
              (default ${join(DEFAULT_STATS_DIR, DB_FILE)}); reused when complete
  --rebuild   build the stats database again even when it is present
  --skip-build  time the UI and the start-up on what is already in out/ (default: npm run build first)
  --only LIST run only these sections (comma-separated: stats, logging, overhead, ui, startup)`;

/** `--db` takes the database file (which must be `aditus.db`, so `aditus --data-dir` opens it) or its folder. */
function statsDirFrom(path: string | undefined): string {
  if (path === undefined) return DEFAULT_STATS_DIR;
  if (!path.endsWith('.db')) return path;
  if (basename(path) !== DB_FILE)
    throw new Error(`--db: the file must be named ${DB_FILE} (the app's own name), got ${basename(path)}`);
  return dirname(path);
}

function sectionsFrom(list: string | undefined): Set<Section> {
  if (list === undefined) return new Set(SECTIONS);
  const chosen = new Set<Section>();
  for (const name of list.split(',').map((s) => s.trim())) {
    const section = SECTIONS.find((s) => s === name);
    if (!section) throw new Error(`--only: unknown section "${name}" (known: ${SECTIONS.join(', ')})`);
    chosen.add(section);
  }
  return chosen;
}

export function parseBenchArgs(argv: string[]): BenchArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return {
    quick: values.quick,
    json: values.json,
    statsDataDir: statsDirFrom(values.db),
    rebuild: values.rebuild,
    skipBuild: values['skip-build'],
    sections: sectionsFrom(values.only),
  };
}
