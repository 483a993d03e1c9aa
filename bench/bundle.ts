import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './paths';

/**
 * In the repository's git-ignored `.tmp/`, one level under the root as bench/ is: a bundle's `__dirname` then
 * finds the repository (REPO_ROOT, the migrations, node_modules) as the sources' does, and the app's code finds
 * the document worker beside it as it does in `out/main`.
 */
const OUT_DIR = join(REPO_ROOT, '.tmp');

/**
 * Bundles each entry (name → source path from the repository root) into `.tmp/<name>.js` as `npm run build` bundles
 * the main process: one CommonJS file, imports bound directly, packages left to node_modules, no function-name
 * wrappers. Under tsx every imported binding is read through a getter and every function made at run time is
 * wrapped to keep its name (esbuild's `keepNames`), which the app's build does not do. Returns the files' paths.
 */
export async function bundleForNode<K extends string>(entries: Record<K, string>): Promise<Record<K, string>> {
  await build({
    entryPoints: Object.entries<string>(entries).map(([out, path]) => ({ out, in: join(REPO_ROOT, path) })),
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0] ?? '20'}`,
    packages: 'external',
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const paths = {} as Record<K, string>;
  for (const name of Object.keys(entries) as K[]) paths[name] = join(OUT_DIR, `${name}.js`);
  return paths;
}
