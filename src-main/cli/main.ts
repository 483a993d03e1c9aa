import { runCli } from './program';
import { processIo } from './io';

// `aditus … | head`: once the reader is gone the rest of the output has nowhere to go, but the command still
// finishes what it started (a write to the store is not cut off half-way) instead of dying on the error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });

runCli(process.argv.slice(2), { io: processIo() }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`aditus: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
