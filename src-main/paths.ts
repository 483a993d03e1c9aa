import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The folder Electron's app.getPath('userData') uses for product name "Aditus", so every host shares it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['ADITUS_DATA_DIR']) return env['ADITUS_DATA_DIR'];
  const home = homedir();
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Aditus');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Aditus');
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Aditus');
}

/** Where to look for the drizzle-kit migrations (`drizzle/meta/_journal.json`). */
export interface MigrationsLookup {
  /**
   * A packaged Electron app's resources folder: then only `<resourcesPath>/drizzle` (electron-builder's
   * extraResources) counts, never the environment or the folders around the bundle.
   */
  resourcesPath?: string;
  /** `ADITUS_MIGRATIONS_DIR`: the CLI's and an unpackaged app's explicit choice; it must hold the migrations. */
  override?: string;
  /**
   * The folder of the running code: out/main or out/main/chunks (the bundle), src-main (tsx, Vitest).
   * The migrations are the `drizzle` folder beside the nearest of its ancestors that has one.
   */
  from: string;
}

/** How far up from the bundle the project's drizzle folder may be (out/main/chunks → the project root is 3). */
const MAX_LEVELS_UP = 4;

const hasJournal = (dir: string): boolean => existsSync(join(dir, 'meta', '_journal.json'));

/** The migrations folder for a lookup, or an error naming where it looked. */
export function findMigrationsDir(lookup: MigrationsLookup, exists: (dir: string) => boolean = hasJournal): string {
  let candidates: string[];
  if (lookup.resourcesPath !== undefined) candidates = [join(lookup.resourcesPath, 'drizzle')];
  else if (lookup.override) candidates = [lookup.override];
  else {
    candidates = [];
    for (let dir = lookup.from, level = 0; level <= MAX_LEVELS_UP; level++) {
      candidates.push(join(dir, 'drizzle'));
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  const found = candidates.find((dir) => exists(dir));
  if (found === undefined)
    throw new Error(`Database migrations not found (no meta/_journal.json in ${candidates.join(', ')})`);
  return found;
}

/** The CLI's and web host's migrations: ADITUS_MIGRATIONS_DIR, else found from this bundle's location. */
export function defaultMigrationsDir(env: NodeJS.ProcessEnv = process.env): string {
  return findMigrationsDir({ override: env['ADITUS_MIGRATIONS_DIR'], from: __dirname });
}
