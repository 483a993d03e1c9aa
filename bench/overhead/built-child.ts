import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { bundleForNode } from '../bundle';
import { REPO_ROOT } from '../paths';
import type { OverheadResult } from './index';

/**
 * The overhead section in a fresh process (the stats section's heap stays out of its GC), from a bundle built as
 * the app's main process is (bundle.ts): the code as the app runs it.
 */
export async function runOverheadBuilt(opts: { quick: boolean; log: (line: string) => void }): Promise<OverheadResult> {
  const { 'bench-overhead': bundle } = await bundleForNode({ 'bench-overhead': 'bench/overhead/child.ts' });
  const child = spawn(process.execPath, [bundle, ...(opts.quick ? ['--quick'] : [])], {
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
