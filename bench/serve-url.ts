import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const START_TIMEOUT_MS = 60_000;

/**
 * The first line a spawned `aditus serve` prints on stdout (its URL, or with `--json` its URL and port); an
 * error when it exits first or prints nothing in time (`onTimeout` runs then, e.g. to stop it).
 */
export function serveFirstLine(child: ChildProcess, onTimeout?: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new Error('aditus serve did not print its URL in time'));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`aditus serve exited with ${String(code)}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(line);
    });
  });
}
