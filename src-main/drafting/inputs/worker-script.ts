import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Worker, WorkerOptions } from 'node:worker_threads';

const ENTRY = 'document-worker';

/** node:worker_threads, loaded when a document is first read: most commands read none (~2 ms a start). */
const newWorker = (script: string, options: WorkerOptions): Worker => {
  const { Worker: WorkerThread } = createRequire(__filename)(
    'node:worker_threads',
  ) as typeof import('node:worker_threads');
  return new WorkerThread(script, options);
};

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
    return newWorker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, {
      ...options,
      eval: true,
      env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
    });
  }
  const bundled = [join(__dirname, `${ENTRY}.js`), join(__dirname, '..', `${ENTRY}.js`)].find((path) =>
    existsSync(path),
  );
  if (!bundled) throw new Error(`The document worker (${ENTRY}.js) is missing beside ${__dirname}: rebuild Aditus.`);
  return newWorker(bundled, options);
}
