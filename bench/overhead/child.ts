/**
 * The overhead section in a process of its own, run from a bundle built like the app's (see built-child.ts):
 * `node overhead-child.cjs [--quick]`. Progress lines go to stderr; the result is stdout's one JSON line.
 */
import { runOverhead } from './index';

runOverhead({ quick: process.argv.includes('--quick'), log: (line) => process.stderr.write(`${line}\n`) }).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
