import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { REPO_ROOT } from '../paths';
import type { OverheadResult } from './index';

/**
 * In the repository's git-ignored `.tmp/`, one level under the root as bench/ is: the bundle's `__dirname` then
 * finds the repository (REPO_ROOT, the migrations, node_modules) as the sources' does.
 */
const BUNDLE = join(REPO_ROOT, '.tmp', 'bench-overhead-child.cjs');

/**
 * The overhead section measured on the code as the app runs it: the same sources bundled into one file as
 * `npm run build` bundles the main process (imports bound directly, no function-name wrappers), in a fresh
 * process. Under tsx, which the rest of the bench runs in, every imported binding is read through a getter and
 * every function created at run time is wrapped to keep its name: about a quarter of the router's own CPU time.
 */
export async function runOverheadBuilt(opts: { quick: boolean; log: (line: string) => void }): Promise<OverheadResult> {
  await build({
    entryPoints: [join(REPO_ROOT, 'bench', 'overhead', 'child.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0] ?? '20'}`,
    packages: 'external',
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const child = spawn(process.execPath, [BUNDLE, ...(opts.quick ? ['--quick'] : [])], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stderr }).on('line', opts.log);
  let last = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.trim()) last = line;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`the overhead process exited with code ${String(code)}`);
  return JSON.parse(last) as OverheadResult;
}
