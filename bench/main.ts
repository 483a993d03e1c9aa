/**
 * `npm run bench`: bench/run.ts (every section) run by plain Node from a bundle built as the app's main process is
 * (bundle.ts), so what is measured in process is the code as the app runs it, not tsx's transform of it. The
 * document worker is bundled beside it, where the app's code looks for it. Arguments and exit code pass through.
 */
import { spawnSync } from 'node:child_process';
import { bundleForNode } from './bundle';
import { REPO_ROOT } from './paths';

async function main(): Promise<number> {
  const bundles = await bundleForNode({
    'bench-run': 'bench/run.ts',
    'document-worker': 'src-main/drafting/inputs/document-worker.ts',
  });
  const run = spawnSync(process.execPath, [bundles['bench-run'], ...process.argv.slice(2)], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (run.error) throw run.error;
  return run.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
