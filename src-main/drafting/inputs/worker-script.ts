import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const ENTRY = 'document-worker';

/**
 * Starts the document worker (document-worker.ts) in whichever form this process runs.
 * - Built (the Electron app, the CLI and the web host): electron-vite bundles the main process into out/main with the
 *   worker as a third entry, out/main/document-worker.js, beside index.js and cli.js. This module may be bundled into
 *   out/main/chunks/, hence the parent folder too.
 * - TypeScript sources (Vitest, tsx): the .ts entry beside this file, loaded through tsx's require hook with
 *   tsconfig.node.json's path aliases, so tests run the same worker code, limits and termination as the app.
 */
export function startDocumentWorker(options: WorkerOptions): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = join(__dirname, `${ENTRY}.ts`);
    const tsx = createRequire(__filename).resolve('tsx/cjs/api');
    const tsconfig = join(__dirname, '..', '..', '..', 'tsconfig.node.json');
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, {
      ...options,
      eval: true,
      env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
    });
  }
  const bundled = [join(__dirname, `${ENTRY}.js`), join(__dirname, '..', `${ENTRY}.js`)].find((path) =>
    existsSync(path),
  );
  if (!bundled) throw new Error(`The document worker (${ENTRY}.js) is missing beside ${__dirname}: rebuild Aditus.`);
  return new Worker(bundled, options);
}
