import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';

/**
 * The built CLI's V8 code cache (bin/code-cache.cjs): saved by the first run of a build, used by the next
 * ones, and never in the way: a corrupt entry or an unwritable cache folder gives the same answer as no cache.
 * Runs the built CLI (`npm run build` first).
 */
const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'bin/aditus.cjs');

const temp = tempDir();
const DATA = join(temp.dir, 'data');
afterAll(() => temp.cleanup());

function run(cacheHome: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, '--data-dir', DATA, '--json', 'providers', 'list'], {
    encoding: 'utf8',
    env: { ...process.env, ADITUS_CODE_CACHE: undefined, XDG_CACHE_HOME: cacheHome, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every entry under `<cacheHome>/aditus/code-cache`, with its modification time and content. */
function entries(cacheHome: string): Map<string, { mtimeMs: number; bytes: Buffer }> {
  const root = join(cacheHome, 'aditus', 'code-cache');
  const found = new Map<string, { mtimeMs: number; bytes: Buffer }>();
  if (!existsSync(root)) return found;
  for (const tree of readdirSync(root))
    for (const name of readdirSync(join(root, tree))) {
      const path = join(root, tree, name);
      found.set(path, { mtimeMs: statSync(path).mtimeMs, bytes: readFileSync(path) });
    }
  return found;
}

describe('the CLI’s code cache', () => {
  let expected: string;
  beforeAll(() => {
    // The data folder created and migrated, and the answer every run below must give.
    const first = run(join(temp.dir, 'unused'), { ADITUS_CODE_CACHE: '0' });
    expect(first.status, first.stderr).toBe(0);
    expected = first.stdout;
  });

  it('the first run saves the compiled bundle; the next run uses it and saves nothing', () => {
    const home = join(temp.dir, 'cache-a');
    expect(run(home)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
    const saved = entries(home);
    const names = [...saved.keys()].map((p) => p.slice(p.lastIndexOf('/') + 1));
    expect(names.some((n) => /^cli\.js\.[0-9a-f]{32}\.v8$/u.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith('chunks+'))).toBe(true);

    expect(run(home)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
    // Entries V8 rejected would be written again.
    expect(entries(home)).toEqual(saved);
  });

  it('a corrupt entry is compiled as if absent and saved anew', () => {
    const home = join(temp.dir, 'cache-b');
    run(home);
    const saved = entries(home);
    for (const path of saved.keys()) writeFileSync(path, 'not V8 code');
    expect(run(home)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
    for (const [path, entry] of entries(home)) {
      expect(entry.bytes.toString('latin1')).not.toBe('not V8 code');
      expect(saved.has(path)).toBe(true);
    }
  });

  it('an unwritable cache folder changes nothing but speed', () => {
    const home = join(temp.dir, 'a-file');
    writeFileSync(home, '');
    expect(run(home)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
    expect(run(home)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
  });

  it('a cache folder others can write to is neither read nor written (its code would run as this user)', () => {
    const home = join(temp.dir, 'cache-shared');
    run(home);
    const saved = [...entries(home).keys()];
    const tree = dirname(saved[0]!);
    for (const path of saved) writeFileSync(path, 'planted');
    chmodSync(tree, 0o777);
    expect(run(home)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
    for (const entry of entries(home).values()) expect(entry.bytes.toString('latin1')).toBe('planted');
  });

  it('ADITUS_CODE_CACHE=0 turns it off', () => {
    const home = join(temp.dir, 'cache-off');
    expect(run(home, { ADITUS_CODE_CACHE: '0' })).toMatchObject({ status: 0, stdout: expected });
    expect(entries(home).size).toBe(0);
  });
});
